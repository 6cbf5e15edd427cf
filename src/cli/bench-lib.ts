/**
 * The pure parts of `npm run bench` (src/cli/bench.ts): statistics, how built files and bundled modules are
 * classified, table formatting, target verdicts and the synthetic deck generator. Unit-tested in
 * tests/unit/cli/bench.test.ts.
 */
import { gzipSync } from 'node:zlib';
import { escapeHtml } from '../node/html.ts';
import { splitSlides } from '../node/parse-slides.ts';

// ─── statistics ──────────────────────────────────────────────────────────────────────────────────────────

/** The median of the finite values; NaN when there is none. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100) of the finite values, nearest rank; NaN when there is none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** Each run's median, then the median of those: one slow run or one slow slide moves it little. */
export function medianOfMedians(runs: readonly (readonly number[])[]): number {
  return median(runs.map((run) => median(run)).filter((m) => Number.isFinite(m)));
}

// ─── bytes ───────────────────────────────────────────────────────────────────────────────────────────────

/** What a built file, or a part of a JS chunk, is. */
export type ByteCategory = 'js' | 'css' | 'fonts' | 'data' | 'content' | 'other';
export const byteCategories: readonly ByteCategory[] = ['js', 'css', 'fonts', 'data', 'content', 'other'];

/** A built file by its extension. HTML pages are content: the floor's slides live in them. */
export function classifyFile(path: string): ByteCategory {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'js' || ext === 'mjs' || ext === 'cjs') return 'js';
  if (ext === 'css') return 'css';
  if (ext === 'woff2' || ext === 'woff' || ext === 'ttf' || ext === 'otf' || ext === 'eot') return 'fonts';
  if (ext === 'json' || ext === 'geojson' || ext === 'topojson' || ext === 'csv' || ext === 'tsv')
    return 'data';
  if (ext === 'html' || ext === 'htm') return 'content';
  return 'other';
}

/**
 * A module bundled into a JS chunk: the compiled slides (`virtual:slides`) and the interface strings
 * (src/i18n/locales) are content, other JSON (data/*.json, the world atlas) is data, the rest is code.
 */
export function classifyModule(id: string): 'js' | 'data' | 'content' {
  const path = id.replace(/\\/g, '/').split('?')[0] ?? id;
  if (path.includes('virtual:slides')) return 'content';
  if (path.includes('virtual:data')) return 'data';
  if (/\/src\/i18n\/locales\/.+\.json$/.test(path)) return 'content';
  if (path.endsWith('.json')) return 'data';
  return 'js';
}

/** A font file of the Chinese family (Noto Sans SC), by its file name. */
export function isChineseFont(path: string): boolean {
  const name = path.split(/[/\\]/).pop() ?? path;
  return /\.(woff2?|ttf|otf)$/i.test(name) && /noto-sans-(sc|cjk)|notosanssc|-sc-|chinese/i.test(name);
}

export interface ByteCount {
  raw: number;
  gzip: number;
}

export type ByteSummary = Record<ByteCategory, ByteCount>;

export const emptySummary = (): ByteSummary =>
  Object.fromEntries(byteCategories.map((c) => [c, { raw: 0, gzip: 0 }])) as ByteSummary;

/** gzip -9, as a static host would precompress. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: 9 }).byteLength;
}

/** One non-code part of a JS chunk: its estimated minified text (compact JSON for JSON files). */
export interface ChunkPart {
  category: 'data' | 'content';
  text: string;
}

/**
 * Splits a JS chunk's bytes between code, data and content. Data and content inside a chunk are estimated from
 * their compact text (raw) and that text gzipped as one stream per category (gzip); code is the rest of the
 * file, raw and gzip alike. Never negative.
 */
export function splitChunk(
  file: ByteCount,
  parts: readonly ChunkPart[],
): Record<'js' | 'data' | 'content', ByteCount> {
  const result = { js: { raw: 0, gzip: 0 }, data: { raw: 0, gzip: 0 }, content: { raw: 0, gzip: 0 } };
  for (const category of ['data', 'content'] as const) {
    const texts = parts.filter((p) => p.category === category).map((p) => p.text);
    if (texts.length === 0) continue;
    const joined = texts.join('\n');
    result[category] = { raw: Buffer.byteLength(joined), gzip: gzipSize(joined) };
  }
  // The estimates may not exceed the file: scale them down to it when they do.
  for (const key of ['raw', 'gzip'] as const) {
    const parts = result.data[key] + result.content[key];
    if (parts > file[key] && parts > 0) {
      const scale = file[key] / parts;
      result.data[key] = Math.floor(result.data[key] * scale);
      result.content[key] = Math.floor(result.content[key] * scale);
    }
    result.js[key] = file[key] - result.data[key] - result.content[key];
  }
  return result;
}

export function addBytes(summary: ByteSummary, category: ByteCategory, count: ByteCount): void {
  summary[category].raw += count.raw;
  summary[category].gzip += count.gzip;
}

// ─── formatting ──────────────────────────────────────────────────────────────────────────────────────────

/** kB are 1,000 bytes, as elsewhere in the project (export/names.ts formatBytes). */
export function formatKb(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** ours / floor as "1.23×"; "n/a" when either is missing or the floor is 0. */
export function formatRatio(ours: number, floor: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(floor) || floor === 0) return 'n/a';
  return `${(ours / floor).toFixed(2)}×`;
}

/** A GitHub-flavoured Markdown table, columns padded so it reads in a terminal too. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${width.map((w, i) => (cells[i] ?? '').padEnd(w)).join(' | ')} |`;
  return [line(header), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// ─── targets ─────────────────────────────────────────────────────────────────────────────────────────────

export type Target =
  /** At most `limit` (same unit as the figure). */
  | { kind: 'max'; limit: number; label: string }
  /** At most `factor` × the floor's figure. */
  | { kind: 'ratio'; factor: number; label: string }
  /** Grows no faster than the slide count: figure(large) / figure(small) ≤ slides(large) / slides(small). */
  | { kind: 'linear'; label: string }
  /** At least `limit` (a score). */
  | { kind: 'min'; limit: number; label: string }
  /**
   * At most `factor` × another figure than the row's own floor figure, carried in the target: the language
   * switch against the floor's next slide (the floor has no switch).
   */
  | { kind: 'ratioTo'; factor: number; reference: number; label: string };

export interface Verdict {
  pass: boolean | null;
  /** "PASS", "MISS by 12%" or "n/a". */
  text: string;
}

const missBy = (value: number, limit: number): string =>
  `MISS by ${((Math.abs(value - limit) / limit) * 100).toFixed(0)}%`;

/** The figure a target allows: its limit, `factor` × the floor or the reference, or the slide-count factor. */
export function targetLimit(target: Target, floor = Number.NaN): number {
  switch (target.kind) {
    case 'max':
    case 'min':
      return target.limit;
    case 'ratio':
      return target.factor * floor;
    case 'ratioTo':
      return target.factor * target.reference;
    case 'linear':
      return floor;
  }
}

/**
 * For `linear`, `ours` is the growth factor and `floor` the slide-count factor; `ratioTo` ignores `floor`.
 * `min` passes at or above its limit, every other kind at or below.
 */
export function verdict(target: Target, ours: number, floor = Number.NaN): Verdict {
  const limit = targetLimit(target, floor);
  if (!Number.isFinite(ours) || !Number.isFinite(limit)) return { pass: null, text: 'n/a' };
  const pass = target.kind === 'min' ? ours >= limit : ours <= limit;
  return pass ? { pass: true, text: 'PASS' } : { pass: false, text: missBy(ours, limit) };
}

// ─── the synthetic deck ──────────────────────────────────────────────────────────────────────────────────

export interface SlideFileText {
  lng: string;
  /** File name inside slides/<lng>/. */
  name: string;
  text: string;
}

const slideIdAttribute = /(<!--\s*\.slide:[^\n]*?\sid=")([a-z][a-z0-9-]*)(")/;

/** A slide file's slides as text, split where the slide parser splits them. */
export function splitSlideChunks(text: string): string[] {
  return splitSlides(text)
    .map((chunk) => chunk.lines.join('\n').trim())
    .filter((chunk) => chunk !== '');
}

/** The id in a slide's `<!-- .slide: id="…" -->` comment, or null. */
export function slideIdOf(chunk: string): string | null {
  return slideIdAttribute.exec(chunk)?.[2] ?? null;
}

/**
 * A deck of `perLng` slides per language made of the real slides repeated in order: copy k of slide "x" gets
 * the id "x-00k" and its in-deck links (#/x) point at the same copy's slides, so ids stay unique and every
 * language keeps the same ids, order, fragments and charts (each slide is copied whole, so a chart keeps its
 * fragment count). Files hold `slidesPerFile` slides each, with the same names in every language.
 */
export function synthesizeDeck(
  files: readonly SlideFileText[],
  perLng: number,
  slidesPerFile = 25,
): SlideFileText[] {
  const lngs = [...new Set(files.map((f) => f.lng))];
  return lngs.flatMap((lng) => {
    const chunks = files
      .filter((f) => f.lng === lng)
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((f) => splitSlideChunks(f.text));
    if (chunks.length === 0) return [];
    const ids = new Set(chunks.map(slideIdOf).filter((id): id is string => id !== null));
    const slides = Array.from({ length: perLng }, (_, i) => {
      const suffix = `-${String(Math.floor(i / chunks.length) + 1).padStart(3, '0')}`;
      return chunks[i % chunks.length]!.replace(
        slideIdAttribute,
        (_m, a: string, id: string, b: string) => a + id + suffix + b,
      ).replace(/#\/([a-z][a-z0-9-]*)/g, (whole, id: string) => (ids.has(id) ? `#/${id}${suffix}` : whole));
    });
    const out: SlideFileText[] = [];
    for (let start = 0; start < slides.length; start += slidesPerFile) {
      const index = String(start / slidesPerFile + 1).padStart(3, '0');
      out.push({
        lng,
        name: `${index}-synthetic.md`,
        text: `${slides.slice(start, start + slidesPerFile).join('\n\n---\n\n')}\n`,
      });
    }
    return out;
  });
}

/**
 * Where to switch language in a deck of `total` slides made of `kinds` real slides repeated in order: `count`
 * real slides spread evenly over the deck (kind), each taken from a different copy spread through the deck
 * (index in the large deck), so the same kinds can be measured in the real deck too.
 */
export function spreadSample(kinds: number, total: number, count: number): { kind: number; index: number }[] {
  const copies = Math.max(1, Math.floor(total / kinds));
  const n = Math.max(1, Math.min(count, kinds));
  const picked = Array.from({ length: n }, (_, j) => (n === 1 ? 0 : Math.round((j * (kinds - 1)) / (n - 1))));
  return [...new Set(picked)]
    .map((kind, j) => ({ kind, index: Math.round((j * (copies - 1)) / Math.max(1, n - 1)) * kinds + kind }))
    .filter((s) => s.index < total);
}

// ─── the floor ───────────────────────────────────────────────────────────────────────────────────────────

/** A slide as the floor gets it: the deck compiler's HTML and notes (src/node/render-slide.ts). */
export interface FloorSlide {
  id: string;
  attrs: Readonly<Record<string, string>>;
  html: string;
  notes: string;
}

/** The slide's HTML without its charts (`<figure data-chart>` and what it holds). */
export function stripCharts(html: string): string {
  return html.replace(/<figure\b[^>]*\bdata-chart\b[^>]*>[\s\S]*?<\/figure>\s*/g, '');
}

/**
 * The floor's page for one language: a plain reveal.js deck of the same slides (charts removed, notes kept as
 * <aside class="notes">), with no i18n, no custom theme and no web fonts. `entry` is the page's module script.
 */
export function floorPage(
  slides: readonly FloorSlide[],
  htmlLang: string,
  title: string,
  entry: string,
): string {
  const sections = slides.map((slide) => {
    const attrs = Object.entries(slide.attrs)
      .filter(([name]) => name !== 'id')
      .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
      .join('');
    return `<section id="${escapeHtml(slide.id)}"${attrs}>${stripCharts(slide.html)}<aside class="notes">${slide.notes}</aside></section>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(htmlLang)}">`,
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="icon" href="data:," />',
    '</head>',
    '<body>',
    '<div class="reveal"><div class="slides">',
    ...sections,
    '</div></div>',
    `<script type="module" src="${escapeHtml(entry)}"></script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The floor's script: reveal.js 6 with its built-in dracula theme (no web fonts, no external request). */
export function floorEntry(layout: { width: number; height: number; margin: number }): string {
  return [
    "import Reveal from 'reveal.js';",
    "import Notes from 'reveal.js/plugin/notes';",
    "import 'reveal.js/reveal.css';",
    "import 'reveal.js/theme/dracula.css';",
    `const deck = new Reveal({ width: ${layout.width}, height: ${layout.height}, margin: ${layout.margin}, hash: true, pdfSeparateFragments: false, plugins: [Notes] });`,
    'window.Reveal = deck;',
    'deck.initialize();',
    '',
  ].join('\n');
}
