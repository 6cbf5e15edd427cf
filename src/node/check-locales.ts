import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { supportedLngs } from '../shared/languages.ts';
import { lineOfJsonPath } from './json-text.ts';

type Tree = { [key: string]: string | Tree };

/** Flattens nested locale JSON into dotted keys. */
export function flattenKeys(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenKeys(value, path)) out.set(k, v);
  }
  return out;
}

// A number written with its unit (1.2B, 44亿, 78,612) belongs in data/ and goes through Intl instead.
const formattedNumber = /\d[\d,.]*\s*(亿|万|[KMB]\b)|\d{1,3}(,\d{3})+/;

/**
 * Compares the namespaces of every language with English: same keys, no empty strings, no pre-formatted
 * numbers. i18next would silently fall back to English for a missing Chinese key, so this is the check.
 */
export function checkLocaleTrees(
  trees: Record<string, Record<string, Tree>>,
  dir = 'src/i18n/locales',
  texts: Record<string, string> = {},
): string[] {
  const problems: string[] = [];
  // "file:line" when the file's text is known (the line of the key, or of the object it is missing from).
  const at = (lng: string, ns: string, key: string) => {
    const file = `${dir}/${lng}/${ns}.json`;
    const text = texts[`${lng}/${ns}`];
    return text === undefined ? file : `${file}:${lineOfJsonPath(text, key.split('.'))}`;
  };
  const [reference, ...others] = supportedLngs;
  const refNamespaces = trees[reference!] ?? {};
  for (const lng of supportedLngs) {
    for (const [ns, tree] of Object.entries(trees[lng] ?? {})) {
      for (const [key, value] of flattenKeys(tree)) {
        const file = at(lng, ns, key);
        if (value.trim() === '')
          problems.push(`${file}: "${key}" is empty. Write the text, or remove the key in every language.`);
        if (formattedNumber.test(value)) {
          problems.push(
            `${file}: "${key}" contains a formatted number ("${value}"). Put the value in data/ and interpolate {{value}}, formatted by Intl.`,
          );
        }
      }
    }
  }
  for (const lng of others) {
    const namespaces = new Set([...Object.keys(refNamespaces), ...Object.keys(trees[lng] ?? {})]);
    for (const ns of namespaces) {
      const ref = flattenKeys(refNamespaces[ns] ?? {});
      const other = flattenKeys(trees[lng]?.[ns] ?? {});
      for (const key of ref.keys()) {
        if (!other.has(key)) {
          const source = at(reference!, ns, key).slice(dir.length + 1);
          problems.push(
            `${at(lng, ns, key)}: key "${key}" is missing (it is in ${source}). Add its ${lng} text.`,
          );
        }
      }
      for (const key of other.keys()) {
        if (!ref.has(key)) {
          problems.push(
            `${at(lng, ns, key)}: key "${key}" is not in ${reference}/${ns}.json. Add it there too, or remove it.`,
          );
        }
      }
    }
  }
  return problems;
}

export class LocaleError extends Error {
  constructor(problems: string[]) {
    super(`The locale files have ${problems.length} problem(s):\n${problems.join('\n')}`);
    this.name = 'LocaleError';
  }
}

/** Reads src/i18n/locales/<lng>/<ns>.json and throws LocaleError on any problem. */
export function checkLocales(root: string): void {
  const dir = join(root, 'src/i18n/locales');
  const trees: Record<string, Record<string, Tree>> = {};
  const texts: Record<string, string> = {};
  const problems: string[] = [];
  for (const lng of supportedLngs) {
    trees[lng] = {};
    for (const name of readdirSync(join(dir, lng)).filter((n) => n.endsWith('.json'))) {
      const file = `src/i18n/locales/${lng}/${name}`;
      try {
        const text = readFileSync(join(dir, lng, name), 'utf8');
        const ns = name.replace(/\.json$/, '');
        trees[lng][ns] = JSON.parse(text) as Tree;
        texts[`${lng}/${ns}`] = text;
      } catch (error) {
        problems.push(`${file}: not valid JSON (${(error as Error).message}). Fix the syntax.`);
      }
    }
  }
  problems.push(...checkLocaleTrees(trees, 'src/i18n/locales', texts));
  if (problems.length > 0) throw new LocaleError(problems);
}
