/**
 * Link previews: the Open Graph and Twitter card tags that chat apps and social sites read when someone pastes
 * the deck's address. Pure; the Vite plugin (vite-plugin-og.ts) writes them into index.html, and
 * `npm run export:og` renders the images they name (the title slide at 1200×630, per language) into dist/og/.
 *
 * Crawlers need absolute URLs, so `og:url` and the images appear only when the deck has a public address
 * (package.json `deck.publicUrl` or DECK_PUBLIC_URL). A static host serves one index.html whatever the query,
 * so the card is in the default language; the other language's image is listed after it.
 */
import { type Lng, languages, supportedLngs } from '../shared/languages.ts';

export const ogImage = { width: 1200, height: 630 } as const;

/** `title-en.png`: one image per language, in the site's og/ folder. */
export const ogImageFile = (lng: Lng): string => `title-${lng}.png`;
export const ogImagePath = (lng: Lng): string => `og/${ogImageFile(lng)}`;

export interface CardText {
  title: string;
  description: string;
}

export interface OgOptions {
  /** The deck's public address, or '' when it has none. */
  publicUrl: string;
  /** The card's language: the deck's default. */
  lng: Lng;
  text: Record<Lng, CardText>;
}

/** `zh-CN` → `zh_CN`, as Open Graph writes locales. */
const ogLocale = (lng: Lng): string => languages[lng].intl.replace('-', '_');

/** The public address as a base for relative paths: always ending in a slash. Throws on a non-http(s) URL. */
export function publicBase(publicUrl: string): URL | null {
  if (!publicUrl.trim()) return null;
  const url = new URL(publicUrl.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`the public address "${publicUrl}" must start with https:// (or http://).`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url;
}

export interface MetaTag {
  /** `property` for Open Graph, `name` for Twitter. */
  key: 'property' | 'name';
  name: string;
  content: string;
}

/** The tags, in the order they are written. */
export function ogTags(options: OgOptions): MetaTag[] {
  const base = publicBase(options.publicUrl);
  const text = options.text[options.lng];
  const og = (name: string, content: string): MetaTag => ({ key: 'property', name: `og:${name}`, content });
  const twitter = (name: string, content: string): MetaTag => ({
    key: 'name',
    name: `twitter:${name}`,
    content,
  });
  const others = supportedLngs.filter((lng) => lng !== options.lng);
  const tags: MetaTag[] = [
    og('type', 'website'),
    og('title', text.title),
    og('description', text.description),
    og('locale', ogLocale(options.lng)),
    ...others.map((lng) => og('locale:alternate', ogLocale(lng))),
  ];
  if (base) {
    tags.push(og('url', base.href));
    for (const lng of [options.lng, ...others]) {
      tags.push(
        og('image', new URL(ogImagePath(lng), base).href),
        og('image:type', 'image/png'),
        og('image:width', String(ogImage.width)),
        og('image:height', String(ogImage.height)),
        og('image:alt', options.text[lng].title),
      );
    }
  }
  tags.push(
    twitter('card', base ? 'summary_large_image' : 'summary'),
    twitter('title', text.title),
    twitter('description', text.description),
  );
  if (base) {
    tags.push(
      twitter('image', new URL(ogImagePath(options.lng), base).href),
      twitter('image:alt', text.title),
    );
  }
  return tags;
}

/** What the build says, once, when the card can have no URL or image; null when it can. */
export function ogNotice(publicUrl: string): string | null {
  return publicBase(publicUrl)
    ? null
    : 'No public address (package.json deck.publicUrl or DECK_PUBLIC_URL): the link-preview card has no URL or image.';
}
