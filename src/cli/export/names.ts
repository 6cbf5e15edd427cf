/**
 * What the exports are called and how they report: file names from the deck title, the print view's address,
 * sizes, times and build errors as a person reads them. Pure; unit-tested in tests/unit/cli/export-names.test.ts.
 */
import type { Lng } from '../../shared/languages.ts';
import type { NotesLayout } from './options.ts';

/** What changes a file's name and the print view: a page per step, and where the notes go. */
export interface Variant {
  steps: boolean;
  notes: NotesLayout | null;
}

/** Romanisations for the Chinese words of the deck's title: file names stay ASCII. */
const romanised: Record<string, string> = { 出海: 'chuhai' };

/**
 * A file-name stem from the deck title: the part before " — " (the brand, not the subtitle), Chinese words
 * romanised (others dropped), accents removed, lowercase, words joined by hyphens.
 * "出海 · Going Global — Chinese AI companies abroad" → "chuhai-going-global".
 */
export function titleSlug(title: string): string {
  const brand = title.split(/\s+[—–-]{1,2}\s+/, 1)[0] ?? title;
  const ascii = brand
    .replace(/\p{Script=Han}+/gu, (han) => ` ${romanised[han] ?? ''} `)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'deck';
}

/**
 * `chuhai-going-global-en.pdf`; variants say so before the language: `…-steps-notes-zh.pdf`. `ext` may be
 * empty for a folder (the PNGs of one language).
 */
export function exportFileName(
  stem: string,
  lng: Lng,
  ext: 'pdf' | 'pptx' | 'html' | '',
  variant: Variant = { steps: false, notes: null },
): string {
  const parts = [stem];
  if (variant.steps) parts.push('steps');
  if (variant.notes === 'pages') parts.push('notes');
  if (variant.notes === 'below') parts.push('handout');
  parts.push(lng);
  return ext ? `${parts.join('-')}.${ext}` : parts.join('-');
}

/** `07-funding.png`: the page's number (from 1, two digits) and its slide id; `--steps` pages add the step. */
export function pngFileName(index: number, id: string, step: number | null): string {
  const safeId = id.replace(/[^A-Za-z0-9_-]+/g, '-') || 'slide';
  return `${String(index + 1).padStart(2, '0')}-${safeId}${step === null ? '' : `-step${step}`}.png`;
}

/** The print view's address for one language and the chosen variant (query parameters override reveal's config). */
export function printViewPath(lng: Lng, variant: Variant): string {
  const query = ['print-pdf', `lng=${lng}`];
  // Not `notes-lng`: a query parameter starting with "notes" makes reveal open its speaker window.
  if (variant.notes === 'pages') query.push('showNotes=separate-page');
  if (variant.notes === 'below') query.push('showNotes=true');
  if (variant.steps) query.push('pdfSeparateFragments=true');
  return `/?${query.join('&')}`;
}

/** 1234567 → "1.2 MB" (decimal units, as file managers show them) */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** 2134 → "2.1 s" */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A build error as lines a person reads: each error's message, without stack frames. */
export function formatBuildError(error: unknown): string {
  const errors =
    error instanceof Error && Array.isArray((error as Error & { errors?: unknown }).errors)
      ? ((error as Error & { errors: unknown[] }).errors as unknown[])
      : [error];
  const messages = errors.map((e) => {
    const message = e instanceof Error ? e.message : String(e);
    const plugin = e instanceof Error ? (e as Error & { plugin?: unknown }).plugin : undefined;
    const text = message
      .split('\n')
      .filter((line) => !/^\s+at\s/.test(line))
      .join('\n')
      .trim();
    return typeof plugin === 'string' && !text.includes(plugin) ? `[${plugin}] ${text}` : text;
  });
  return messages.join('\n\n');
}
