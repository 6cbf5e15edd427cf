import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSlides, type SlideSource } from '../../../src/node/parse-slides';

/** The real deck's slides and text, read from the project, for the content tests. */
export const project = new URL('../../..', import.meta.url).pathname;

export function deckSlides(lng: 'en' | 'zh'): SlideSource[] {
  const dir = join(project, 'slides', lng);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => parseSlides(readFileSync(join(dir, f), 'utf8'), `slides/${lng}/${f}`).slides);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every string of a JSON file under the project, with its JSON path. */
export function jsonStrings(rel: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (v: Json, path: string) => {
    if (typeof v === 'string') out.push({ path, text: v });
    else if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, `${path}[${i}]`);
      });
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(JSON.parse(readFileSync(join(project, rel), 'utf8')) as Json, '');
  return out;
}

export const dataFiles = () =>
  readdirSync(join(project, 'data'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `data/${f}`);

export const localeFiles = (lng: 'en' | 'zh') =>
  readdirSync(join(project, 'src/i18n/locales', lng))
    .filter((f) => f.endsWith('.json'))
    .map((f) => `src/i18n/locales/${lng}/${f}`);
