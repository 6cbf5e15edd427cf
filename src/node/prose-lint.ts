import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextlintKernel, type TextlintKernelRule } from '@textlint/kernel';
import { moduleInterop } from '@textlint/module-interop';
import markdownPlugin from '@textlint/textlint-plugin-markdown';
import textPlugin from '@textlint/textlint-plugin-text';
import terminology from 'textlint-rule-terminology';
import writeGood from 'textlint-rule-write-good';
import { type IgnoredCase, run as zhlint } from 'zhlint';
import { ContentError, type ContentProblem } from './content-error.ts';
import { lineOfJsonPath } from './json-text.ts';

/**
 * The prose linter: zhlint for the Chinese, textlint for the English, over the slides and notes, the locale files
 * and the text fields of data/*.json. Configured to /work/shared/content/STYLE.md (see "Typography"). Every
 * problem names its file and line and says what to write instead; the build stops on any.
 */

export type ProseLng = 'en' | 'zh';

/** One piece of prose to lint, and where it sits. */
export interface ProseSegment {
  file: string;
  /** 1-based line of the text's first character in the file. */
  line: number;
  lng: ProseLng;
  text: string;
  /** `markdown` for slide files, `text` for strings from JSON. */
  format: 'markdown' | 'text';
}

// ---------------------------------------------------------------- Chinese: zhlint 0.8.2

/**
 * zhlint's default preset, changed where STYLE.md differs from it:
 * - `halfwidthPunctuation: ''`: the preset turns （） into (); STYLE wants full-width brackets in Chinese.
 * - `fullwidthPunctuation` adds （）to the preset's ，。：；？！“”‘’, so half-width brackets next to Chinese fail.
 * - `adjustedFullwidthPunctuation: ''`: the preset treats “” as half-width and wants a space outside them;
 *   STYLE writes them as full-width marks with no space (标题里的“出海”，…).
 * - `skipZhUnits: ''`: the preset lets `2024年` pass; STYLE wants `2024 年`, a space between digits and Chinese.
 * Everything else (space between Chinese and Latin letters or digits, no space next to full-width punctuation,
 * paired quotes and brackets) is the preset's.
 */
export const zhlintRules = {
  preset: 'default',
  halfwidthPunctuation: '',
  fullwidthPunctuation: '，。：；？！“”‘’（）',
  adjustedFullwidthPunctuation: '',
  skipZhUnits: '',
} as const;

/**
 * Brand names written the way the companies write them, with no space between the Latin and the Chinese
 * (STYLE: "company names as the companies write them in Chinese"). zhlint would ask for a space inside them.
 */
export const zhBrandNames = ['智谱AI', 'IT桔子', '36氪'] as const;
const zhIgnoredCases: IgnoredCase[] = zhBrandNames.map((textStart) => ({ textStart }));

/** Reveal's slide comments, `Note:` and HTML comments are markup, not prose. */
function proseOfLine(raw: string): string {
  return raw
    .replace(/<!--.*?-->/g, '')
    .replace(/^\s*notes?:\s?/i, '')
    .trimEnd();
}

/** Splits a slide file into one segment per line of prose (fences, separators and figures skipped). */
export function slideLines(file: string, text: string, lng: ProseLng): ProseSegment[] {
  const out: ProseSegment[] = [];
  let inFence = false;
  text.split('\n').forEach((raw, index) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence || /^---\s*$/.test(raw) || /^\s*<figure\b/.test(raw)) return;
    const prose = proseOfLine(raw);
    if (prose.trim() === '') return;
    out.push({ file, line: index + 1, lng, text: prose, format: 'markdown' });
  });
  return out;
}

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(text.length, index + length + 12);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * i18next interpolations (`{{value}}`) are filled in code with values Intl formats: "1,500" wants a space next
 * to Chinese, "2024年" or "44亿美元" does not, so the spacing around them depends on the value and is the
 * formatter's business, not the locale file's. The linter sees each one as a neutral Chinese character (〇, same
 * length, so positions stay put) and leaves the spacing around it alone; the rest of the string is linted.
 */
export function maskInterpolations(text: string): string {
  return text.replace(/ ?\{\{[^}]*\}\} ?/g, (m) => '〇'.repeat(m.length));
}

/** Lints Chinese segments with zhlint; each problem quotes the text and zhlint's corrected version of it. */
export function lintChinese(segments: readonly ProseSegment[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const segment of segments) {
    const text = segment.format === 'text' ? maskInterpolations(segment.text) : segment.text;
    const result = zhlint(text, { rules: zhlintRules, ignoredCases: zhIgnoredCases });
    const fixed = (result as { result?: string }).result;
    for (const v of result.validations) {
      const line = segment.line + (segment.text.slice(0, v.index).match(/\n/g)?.length ?? 0);
      const before = excerpt(segment.text, v.index, v.length);
      // zhlint's fix moves characters around; show the same stretch of its corrected text.
      const after = fixed === undefined ? undefined : excerpt(fixed, v.index, v.length + 1);
      problems.push({
        file: segment.file,
        line,
        message: `zhlint: ${v.message} (in "${before}").`,
        hint:
          after && after !== before
            ? `Write it as zhlint would: "${after}" (STYLE.md, Typography).`
            : 'Follow STYLE.md, Typography: full-width punctuation, a space between Chinese and Latin letters or digits.',
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------- English: textlint 15

/**
 * One spelling per term (STYLE.md: names in their usual romanisation; British spelling as in the deck).
 * textlint-rule-terminology's own list of web-development terms is off (`defaultTerms: false`): it would rewrite
 * ordinary words of a business talk ("website" → "site").
 */
export const englishTerms: ReadonlyArray<readonly [string, string]> = [
  ['South[- ]East Asia(n?)', 'Southeast Asia$1'],
  ['start-up(s?)', 'startup$1'],
  ['chū hǎi', 'chūhǎi'],
  ['data center(s?)', 'data centre$1'],
  ['locali[z]ation', 'localisation'],
  ['centrali[z]ed', 'centralised'],
  ['label(ing|ed)', 'labell$1'],
  ['Cheng He', 'Zheng He'],
];

// The rules and plugins are compiled CommonJS (`exports.default`); moduleInterop unwraps them under Node and Vite alike.
const englishRules: TextlintKernelRule[] = [
  {
    ruleId: 'terminology',
    rule: moduleInterop(terminology),
    options: { defaultTerms: false, terms: englishTerms.map(([p, r]) => [p, r]), skip: [] },
  },
  {
    // Only write-good's "lexical illusion" check (a doubled word: "the the"). Its other checks (passive voice,
    // weasel words, adverbs, "so" at the start…) flag ordinary spoken English in the notes, so they are off.
    ruleId: 'write-good',
    rule: moduleInterop(writeGood),
    options: {
      illusion: true,
      passive: false,
      so: false,
      thereIs: false,
      weasel: false,
      adverb: false,
      tooWordy: false,
      cliches: false,
      eprime: false,
    },
  },
];

const kernel = new TextlintKernel();

function englishHint(ruleId: string, message: string): string {
  if (ruleId === 'terminology') return 'Use the spelling it names, the one used everywhere else in the deck.';
  if (/repeated/i.test(message)) return 'Remove the doubled word.';
  return 'Fix the wording.';
}

/** Lints English segments with textlint; slide files go through its Markdown parser, JSON strings as text. */
export async function lintEnglish(segments: readonly ProseSegment[]): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const segment of segments) {
    const markdown = segment.format === 'markdown';
    const result = await kernel.lintText(segment.text, {
      ext: markdown ? '.md' : '.txt',
      filePath: segment.file,
      plugins: [
        markdown
          ? { pluginId: 'markdown', plugin: moduleInterop(markdownPlugin) }
          : { pluginId: 'text', plugin: moduleInterop(textPlugin) },
      ],
      rules: englishRules,
    });
    for (const m of result.messages) {
      problems.push({
        file: segment.file,
        line: segment.line + m.loc.start.line - 1,
        message: `textlint (${m.ruleId}): ${m.message}.`,
        hint: englishHint(m.ruleId, m.message),
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------- collecting the prose

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const isText = (v: Json): v is { en: string; zh: string } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length === 2 &&
  typeof v.en === 'string' &&
  typeof v.zh === 'string';

/** Visits every value of a JSON text with its path; `visit` returns true to skip what is inside. */
function walkJson(text: string, visit: (value: Json, path: PropertyKey[]) => boolean | undefined): void {
  const walk = (value: Json, path: PropertyKey[]) => {
    if (visit(value, path)) return;
    if (Array.isArray(value))
      value.forEach((v, i) => {
        walk(v, [...path, i]);
      });
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(JSON.parse(text) as Json, []);
}

/** The `{ en, zh }` text fields of a data file, one segment per language, at the line of each string. */
export function dataTextSegments(file: string, text: string): ProseSegment[] {
  const out: ProseSegment[] = [];
  walkJson(text, (value, path) => {
    if (!isText(value)) return false;
    for (const lng of ['en', 'zh'] as const)
      out.push({ file, line: lineOfJsonPath(text, [...path, lng]), lng, text: value[lng], format: 'text' });
    return true;
  });
  return out;
}

/** Every string of a locale file, in that file's language. */
export function localeSegments(file: string, text: string, lng: ProseLng): ProseSegment[] {
  const out: ProseSegment[] = [];
  walkJson(text, (value, path) => {
    if (typeof value === 'string')
      out.push({ file, line: lineOfJsonPath(text, path), lng, text: value, format: 'text' });
    return false;
  });
  return out;
}

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

/** All the deck's prose under `root`: slides and notes, locale files, data text fields. Paths are relative. */
export function collectProse(root: string): ProseSegment[] {
  const read = (rel: string) => readFileSync(join(root, rel), 'utf8');
  const segments: ProseSegment[] = [];
  for (const lng of ['en', 'zh'] as const) {
    for (const name of readdirSync(join(root, 'slides', lng))
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const rel = `slides/${lng}/${name}`;
      // English goes through textlint's Markdown parser whole (it knows lines); Chinese line by line.
      if (lng === 'en') segments.push({ file: rel, line: 1, lng, text: read(rel), format: 'markdown' });
      else segments.push(...slideLines(rel, read(rel), lng));
    }
    for (const name of jsonFiles(join(root, 'src/i18n/locales', lng))) {
      const rel = `src/i18n/locales/${lng}/${name}`;
      segments.push(...localeSegments(rel, read(rel), lng));
    }
  }
  for (const name of jsonFiles(join(root, 'data')))
    segments.push(...dataTextSegments(`data/${name}`, read(`data/${name}`)));
  return segments;
}

/** Lints all the prose under `root`; returns the problems, Chinese first. */
export async function lintProse(root: string): Promise<ContentProblem[]> {
  const segments = collectProse(root);
  return [
    ...lintChinese(segments.filter((s) => s.lng === 'zh')),
    ...(await lintEnglish(segments.filter((s) => s.lng === 'en'))),
  ];
}

/** The build's check: throws a ContentError listing every prose problem. */
export async function checkProse(root: string): Promise<void> {
  const problems = await lintProse(root);
  if (problems.length > 0) throw new ContentError(problems);
}
