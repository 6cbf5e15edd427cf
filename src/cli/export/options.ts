/**
 * The export commands' options, read with `node:util` `parseArgs`: one parser for every format. Pure, and
 * unit-tested in tests/unit/cli/export-options.test.ts; its errors name the option and what it takes.
 */
import { parseArgs } from 'node:util';
import { isLng, type Lng, supportedLngs } from '../../shared/languages.ts';

export const exportFormats = ['pdf', 'png', 'pptx', 'html', 'og', 'all'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const isExportFormat = (value: string): value is ExportFormat =>
  (exportFormats as readonly string[]).includes(value);

/** `pages`: each slide's notes on a page of their own after it; `below`: a taller page, notes under the slide. */
export type NotesLayout = 'pages' | 'below';

export interface ExportOptions {
  format: ExportFormat;
  lngs: Lng[];
  out: string;
  /** One page, image or slide per fragment step instead of per slide. */
  steps: boolean;
  /** The PDF's notes pages, or none. */
  notes: NotesLayout | null;
  /** The PowerPoint notes' language; null: the deck's own. */
  notesLng: Lng | null;
  /** false with --no-build: export dist/ as it is. */
  build: boolean;
  help: boolean;
}

export const defaultOutDir = 'exports';
/** The link-preview images go into the built site, next to the index.html whose tags name them. */
export const defaultOgDir = 'dist/og';

type OptionName = 'lng' | 'out' | 'steps' | 'notes' | 'notes-lng' | 'no-build' | 'help';

/** Which options each command takes. */
const accepted: Record<ExportFormat, readonly OptionName[]> = {
  pdf: ['lng', 'out', 'steps', 'notes', 'no-build', 'help'],
  png: ['lng', 'out', 'steps', 'no-build', 'help'],
  pptx: ['lng', 'out', 'steps', 'notes-lng', 'no-build', 'help'],
  html: ['lng', 'out', 'help'],
  og: ['lng', 'out', 'no-build', 'help'],
  all: ['lng', 'out', 'no-build', 'help'],
};

const optionHelp: Record<OptionName, (format: ExportFormat) => string> = {
  lng: () => '--lng en|zh         one language only (default: both)',
  out: (format) =>
    `--out DIR           where to write the files (default: ${format === 'og' ? defaultOgDir : defaultOutDir}/)`,
  steps: (format) =>
    `--steps             one ${format === 'pdf' ? 'page' : format === 'png' ? 'image' : 'slide'} per fragment step instead of one per slide`,
  notes: () =>
    '--notes [pages]     add the speaker notes, each on its own page after its slide\n' +
    '  --notes below       add the speaker notes under each slide (taller handout pages)',
  'notes-lng': () => "--notes-lng en|zh   the speaker notes in this language (default: the deck's)",
  'no-build': () =>
    '--no-build          export dist/ as it is (default: build it first, about a second when warm)',
  help: () => '-h, --help          show this help',
};

const what: Record<ExportFormat, string> = {
  pdf: 'Writes one PDF per language, one page per slide, every step shown and every chart at its final state.',
  png: 'Writes one 1920×1080 PNG per slide per language, each at its last step, and a contact sheet per language.',
  pptx:
    'Writes one PowerPoint file per language: each slide a full-bleed 1920×1080 image at its last step,\n' +
    'with its title as real title text and its speaker notes as notes.',
  html: 'Writes one self-contained HTML file per language that opens by double-click, with no network.',
  og: "Writes the link-preview images (the title slide at 1200×630, per language) into the built site's og/ folder.",
  all: 'Writes every format (PDF, PNG, PowerPoint, HTML) for both languages, from one build and one browser.',
};

export function usage(format: ExportFormat): string {
  const command = format === 'all' ? 'npm run export' : `npm run export:${format}`;
  const lines = accepted[format].map((name) => `  ${optionHelp[name](format)}`);
  const browser =
    format === 'html' ? '' : '\n\nChromium: /usr/bin/chromium and other usual places, or CHROMIUM_PATH.';
  return `Usage: ${command} -- [options]\n\n${what[format]}\n\nOptions:\n${lines.join('\n')}${browser}`;
}

/** A mistake on the command line: printed with where the options are, never with a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const notesLayouts: Record<string, NotesLayout> = { pages: 'pages', page: 'pages', below: 'below' };

/** The option an error from parseArgs is about: `--out`, `-x`. */
const optionIn = (message: string): string => /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option';

/** parseArgs' messages, in the words of the rest of the CLI. */
function friendly(error: unknown): UsageError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const option = optionIn(message);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`Unknown option ${option}.`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`Unexpected argument "${/'([^']*)'/.exec(message)?.[1] ?? ''}".`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument')
        ? new UsageError(`${option} takes no value.`)
        : new UsageError(`${option} needs a value.`);
    default:
      return new UsageError(message);
  }
}

function readLng(name: string, value: string): Lng {
  if (!isLng(value)) throw new UsageError(`${name} must be ${supportedLngs.join(' or ')}, not "${value}".`);
  return value;
}

/**
 * Reads one export command's arguments. `--notes` may stand alone (notes pages) or take `pages` / `below`;
 * that is the one shape parseArgs does not read, so a bare `--notes` gets its default value first.
 */
export function parseExportArgs(format: ExportFormat, argv: readonly string[]): ExportOptions {
  const names = accepted[format];
  const args = [...argv];
  if (names.includes('notes')) {
    for (let i = 0; i < args.length; i++) {
      const next = args[i + 1];
      if (args[i] === '--notes' && (next === undefined || next.startsWith('-')))
        args.splice(i + 1, 0, 'pages');
    }
  }
  const all = {
    lng: { type: 'string', multiple: true },
    out: { type: 'string' },
    steps: { type: 'boolean' },
    notes: { type: 'string' },
    'notes-lng': { type: 'string' },
    'no-build': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const options = Object.fromEntries(names.map((name) => [name, all[name]]));
  let values: Partial<Record<OptionName, string | string[] | boolean>>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw friendly(error);
  }
  const text = (name: OptionName): string | undefined => {
    const value = values[name];
    if (value === undefined || typeof value === 'string') {
      if (value === '') throw new UsageError(`--${name} needs a value.`);
      return value;
    }
    return undefined;
  };
  const lngValues = values.lng;
  const lngs = Array.isArray(lngValues) ? lngValues.map((lng) => readLng('--lng', lng)) : [...supportedLngs];
  const notesGiven = text('notes');
  const notes = notesGiven === undefined ? null : notesLayouts[notesGiven];
  if (notes === undefined) throw new UsageError(`--notes takes "pages" or "below", not "${notesGiven}".`);
  const notesLng = text('notes-lng');
  return {
    format,
    lngs: [...new Set(lngs)],
    out: text('out') ?? (format === 'og' ? defaultOgDir : defaultOutDir),
    steps: values.steps === true,
    notes,
    notesLng: notesLng === undefined ? null : readLng('--notes-lng', notesLng),
    build: values['no-build'] !== true,
    help: values.help === true,
  };
}
