import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The deck's Content-Security-Policy. No 'unsafe-inline' and no 'unsafe-eval': the only inline code allowed is
 * what reveal.js itself writes, allowed by hash, and the hashes are computed from the installed reveal.js at
 * build time so an upgrade cannot leave them stale:
 * - the speaker view: the notes plugin opens an about:blank popup and document.write()s a page with an inline
 *   <script> and <style> (and two style="display: none" attributes) into it; the popup inherits this policy;
 * - the print view (?print-pdf): reveal appends two <style> elements whose text depends on the slide size;
 * - the search plugin: its box is created with innerHTML carrying style="vertical-align: top;".
 * Style changes made through the CSSOM (el.style.x = …, D3's selection.style()) are not subject to CSP.
 */

export type Directives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

/** Inline code the policy must allow, by exact text. */
export interface InlineSources {
  scripts: string[];
  /** Text of <style> elements. */
  styles: string[];
  /** Values of style="…" attributes (need 'unsafe-hashes'). */
  styleAttributes: string[];
}

/** The reveal config that decides the print view's stylesheet text. */
export interface PrintLayout {
  width: number;
  height: number;
  margin: number;
}

/** A CSP hash source for a script or style text: 'sha256-<base64>' of its UTF-8 bytes. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const simpleEscapes: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** Decodes the body of a double-quoted JavaScript string literal (without the quotes). */
export function decodeStringLiteral(body: string): string {
  return body.replace(
    /\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g,
    (_match, seq: string) => {
      if (seq.startsWith('u{')) return String.fromCodePoint(Number.parseInt(seq.slice(2, -1), 16));
      if (/^[ux][0-9a-fA-F]/.test(seq)) return String.fromCharCode(Number.parseInt(seq.slice(1), 16));
      if (seq === '\n' || seq === '\r\n' || seq === '\r') return ''; // line continuation
      return simpleEscapes[seq] ?? seq;
    },
  );
}

/** The HTML page the notes plugin writes into the speaker-view popup, from the plugin's source. */
export function speakerViewTemplate(notesSource: string): string {
  const match = /\.document\.write\("((?:[^"\\]|\\[\s\S])*)"\)/.exec(notesSource);
  if (!match?.[1]?.includes('speaker-controls')) {
    throw new Error(
      'CSP: could not find the speaker-view template (document.write) in reveal.js notes plugin.',
    );
  }
  return decodeStringLiteral(match[1]);
}

function allMatches(text: string, pattern: RegExp): string[] {
  return Array.from(text.matchAll(pattern), (m) => m[1] ?? '');
}

/** Inline <script>, <style> and style="…" found in an HTML string. */
export function inlineSourcesOfHtml(html: string): InlineSources {
  return {
    scripts: allMatches(html, /<script>([\s\S]*?)<\/script>/g),
    styles: allMatches(html, /<style>([\s\S]*?)<\/style>/g),
    styleAttributes: allMatches(html, /\sstyle="([^"]*)"/g),
  };
}

/** style="…" attributes inside string literals of a bundled file (escaped quotes: style=\"…\"). */
export function styleAttributesInSource(source: string): string[] {
  return allMatches(source, /style=\\"((?:[^"\\]|\\[^"])*)\\"/g).map(decodeStringLiteral);
}

/**
 * The two stylesheets reveal's print view appends (js/controllers/printview.js):
 *   "@page{size:" + pageWidth + "px " + pageHeight + "px; margin: 0px;}"
 *   ".reveal section>img, …{max-width: " + slideWidth + "px; max-height:" + slideHeight + "px}"
 * The literal pieces are read from the bundled code, so a change of wording in reveal.js fails the build.
 */
export function printViewStyles(revealSource: string, layout: PrintLayout): string[] {
  const str = '"((?:[^"\\\\]|\\\\.)*)"';
  const expr = '\\s*\\+\\s*[\\w$.]+\\s*\\+\\s*';
  const page = new RegExp(`${str.replace('(', '(@page')}${expr}${str}${expr}${str}\\)`).exec(revealSource);
  const media = new RegExp(`${str.replace('(', '(\\.reveal section>img')}${expr}${str}${expr}${str}\\)`).exec(
    revealSource,
  );
  if (!page || !media) {
    throw new Error('CSP: could not find the print view stylesheets (@page size) in reveal.js.');
  }
  const [p0, p1, p2] = page.slice(1).map((s) => decodeStringLiteral(s ?? ''));
  const [m0, m1, m2] = media.slice(1).map((s) => decodeStringLiteral(s ?? ''));
  // reveal: Math.floor(slideWidth * (1 + margin)) for the page; the slide size itself for media.
  const pageWidth = Math.floor(layout.width * (1 + layout.margin));
  const pageHeight = Math.floor(layout.height * (1 + layout.margin));
  return [`${p0}${pageWidth}${p1}${pageHeight}${p2}`, `${m0}${layout.width}${m1}${layout.height}${m2}`];
}

/** Reads the installed reveal.js and lists the inline code the deck's reveal setup produces. */
export function revealInlineSources(layout: PrintLayout, revealDir = findRevealDir()): InlineSources {
  const read = (file: string) => readFileSync(join(revealDir, 'dist', file), 'utf8');
  const speaker = inlineSourcesOfHtml(speakerViewTemplate(read('plugin/notes.mjs')));
  if (speaker.scripts.length !== 1 || speaker.styles.length !== 1) {
    throw new Error(
      `CSP: expected one <script> and one <style> in the speaker view, found ${speaker.scripts.length} and ${speaker.styles.length}.`,
    );
  }
  return {
    scripts: speaker.scripts,
    styles: [...speaker.styles, ...printViewStyles(read('reveal.mjs'), layout)],
    styleAttributes: [...speaker.styleAttributes, ...styleAttributesInSource(read('plugin/search.mjs'))],
  };
}

/** The installed reveal.js package's folder (its exports map hides package.json, so walk up from its main). */
export function findRevealDir(from = process.cwd()): string {
  const require = createRequire(join(from, 'package.json'));
  let dir = dirname(require.resolve('reveal.js'));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('CSP: reveal.js is not installed.');
    dir = parent;
  }
  return dir;
}

const unique = (values: string[]) => Array.from(new Set(values));

/** The policy's directives, in the order they are written. */
export function buildDirectives(inline: InlineSources): Directives {
  const scriptHashes = unique(inline.scripts.map(hashSource));
  const styleHashes = unique(inline.styles.map(hashSource));
  const attributeHashes = unique(inline.styleAttributes.map(hashSource));
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...scriptHashes]],
    // <style> elements and <link rel=stylesheet>: ours are files; reveal's are allowed by hash.
    ['style-src', ["'self'", ...styleHashes]],
    ['style-src-elem', ["'self'", ...styleHashes]],
    // Only the exact style="…" values reveal writes as markup; 'unsafe-hashes' lets hashes match attributes.
    ['style-src-attr', attributeHashes.length > 0 ? ["'unsafe-hashes'", ...attributeHashes] : ["'none'"]],
    ['img-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    // The speaker view's two slide previews are same-origin iframes of the deck.
    ['frame-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
}

export function serializePolicy(directives: Directives): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The deck's policy for a given slide layout, from the installed reveal.js. */
export function deckPolicy(
  layout: PrintLayout,
  revealDir?: string,
  own: Partial<InlineSources> = {},
): string {
  const reveal = revealInlineSources(layout, revealDir);
  return serializePolicy(
    buildDirectives({
      scripts: [...(own.scripts ?? []), ...reveal.scripts],
      styles: [...(own.styles ?? []), ...reveal.styles],
      styleAttributes: [...(own.styleAttributes ?? []), ...reveal.styleAttributes],
    }),
  );
}
