/**
 * `npm run export:pdf` options and file names: pure functions, unit-tested in tests/unit/cli/export-pdf.test.ts.
 */

export const exportLngs = ['en', 'zh'] as const;
export type ExportLng = (typeof exportLngs)[number];

/** `pages`: each slide's notes on a page of their own after it; `below`: a taller page, notes under the slide. */
export type NotesLayout = 'pages' | 'below';

export interface ExportOptions {
  lngs: ExportLng[];
  notes: NotesLayout | null;
  steps: boolean;
  out: string;
  /** true: build even if dist/ is fresh; false: never build; null: build when dist/ is missing or stale. */
  build: boolean | null;
  help: boolean;
}

export const defaultOutDir = 'exports';

export const usage = `Usage: npm run export:pdf -- [options]

Writes one PDF per language, one page per slide, every step shown and every chart at its final state.

Options:
  --lng en|zh         one language only (default: both)
  --notes [pages]     add the speaker notes, each on its own page after its slide
  --notes below       add the speaker notes under each slide (taller handout pages)
  --steps             one page per fragment step instead of one per slide (charts drawn at each step)
  --out DIR           where to write the files (default: ${defaultOutDir}/)
  --build             rebuild dist/ first even if it is up to date
  --no-build          print dist/ as it is, never build
  -h, --help          show this help

Chromium: /usr/bin/chromium and other usual places, or CHROMIUM_PATH.`;

/** A mistake on the command line: printed with the usage, never with a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const isLng = (value: string): value is ExportLng => (exportLngs as readonly string[]).includes(value);
const notesLayouts: Record<string, NotesLayout> = { pages: 'pages', page: 'pages', below: 'below' };

export function parseExportArgs(argv: readonly string[]): ExportOptions {
  const options: ExportOptions = {
    lngs: [...exportLngs],
    notes: null,
    steps: false,
    out: defaultOutDir,
    build: null,
    help: false,
  };
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift()!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    /** The option's value: after `=`, or the next argument. */
    const value = (): string => {
      const next = inline ?? args.shift();
      if (next === undefined || next === '' || (inline === undefined && next.startsWith('-'))) {
        throw new UsageError(`${name} needs a value.`);
      }
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value.`);
    };
    switch (name) {
      case '--lng': {
        const lng = value();
        if (!isLng(lng)) throw new UsageError(`--lng must be ${exportLngs.join(' or ')}, not "${lng}".`);
        options.lngs = [lng];
        break;
      }
      case '--notes': {
        // `--notes` alone means notes pages; `--notes below` / `--notes=below` picks the layout.
        const given = inline ?? (args[0] !== undefined && !args[0].startsWith('-') ? args.shift() : 'pages');
        const layout = given === undefined ? undefined : notesLayouts[given];
        if (!layout) throw new UsageError(`--notes takes "pages" or "below", not "${given}".`);
        options.notes = layout;
        break;
      }
      case '--steps':
        noValue();
        options.steps = true;
        break;
      case '--out':
        options.out = value();
        break;
      case '--build':
        noValue();
        options.build = true;
        break;
      case '--no-build':
        noValue();
        options.build = false;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      default:
        throw new UsageError(
          arg.startsWith('-') ? `Unknown option ${name}.` : `Unexpected argument "${arg}".`,
        );
    }
  }
  return options;
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

/** `chuhai-going-global-en.pdf`; variants say so before the language: `…-steps-notes-zh.pdf`. */
export function pdfFileName(
  stem: string,
  lng: ExportLng,
  variant: Pick<ExportOptions, 'steps' | 'notes'> = { steps: false, notes: null },
): string {
  const parts = [stem];
  if (variant.steps) parts.push('steps');
  if (variant.notes === 'pages') parts.push('notes');
  if (variant.notes === 'below') parts.push('handout');
  parts.push(lng);
  return `${parts.join('-')}.pdf`;
}

/** The print view's address for one language and the chosen variant (query parameters override reveal's config). */
export function printViewPath(lng: ExportLng, variant: Pick<ExportOptions, 'steps' | 'notes'>): string {
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
