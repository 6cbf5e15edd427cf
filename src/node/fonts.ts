/**
 * Build-time font subsetting: the deck ships only the glyphs it can show. Every character of the slides,
 * notes, locale strings, data strings and Intl-formatted chart labels is collected; Noto Sans SC and Inter
 * are cut down to those characters from the @fontsource-variable woff2 slices, keeping the weight axis
 * (400–700, the weights the theme uses), and @font-face CSS is written next to the files. Results are cached
 * under node_modules/.cache/chuhai-fonts, keyed by a hash of the character set and the settings.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { create, type Font } from 'fontkit';
import subsetFont, { type SubsetFontOptions } from 'subset-font';
import { cjkStart, fallbackFontFaces } from './fallback-fonts.ts';

export const interFamily = 'Inter Variable';
export const notoFamily = 'Noto Sans SC Variable';
/**
 * The English deck's own characters (its interface's 中文, the title's 出海, a symbol Inter lacks), cut from
 * the same Noto Sans SC: the English page's font stacks name this family instead of the full one
 * (src/styles/tokens.css), so it downloads a few KiB instead of the Chinese deck's slices.
 */
export const notoUiFamily = 'Noto Sans SC UI';

/** File-name prefix of the full Chinese family's subset files. */
const notoSlug = 'noto-sans-sc';

/** The weights the theme uses are 400, 650 and 700: the variable axis is narrowed to that span, not pinned. */
const weightAxis = { wght: { min: 400, max: 700 } };

interface FamilySpec {
  family: string;
  /** Short name for output files. */
  slug: string;
  packageName: string;
  fileName: (slice: string) => string;
  /** Which fontsource slices to take from (all when undefined). */
  slices?: readonly string[];
  /** Subset to these characters instead of the whole deck's (the UI family). */
  only?: 'ui';
  options: SubsetFontOptions;
}

const families: readonly FamilySpec[] = [
  {
    family: interFamily,
    slug: 'inter',
    packageName: '@fontsource-variable/inter',
    fileName: (slice) => `inter-${slice}-wght-normal.woff2`,
    slices: ['latin', 'latin-ext'],
    options: { targetFormat: 'woff2', variationAxes: weightAxis },
  },
  {
    family: notoFamily,
    slug: notoSlug,
    packageName: '@fontsource-variable/noto-sans-sc',
    fileName: (slice) => `noto-sans-sc-${slice}-wght-normal.woff2`,
    // Horizontal text only: the vertical-writing features and metrics (vert, vrt2, vhal, vpal, vhea, vmtx)
    // and BASE go. `halt` stays for text-spacing-trim, `kern` for Latin inside Chinese text. Measured on
    // this deck (≈980 Han characters in 30 slices): 400–700 with these cuts ≈292 KiB of woff2; the full
    // 100–900 axis ≈319 KiB; two static instances (400 + 700) ≈347 KiB; 400 alone ≈172 KiB but headings
    // would get synthesized bold. Dropping hinting, STAT and gasp as well saves only ≈1.5 KiB.
    options: {
      targetFormat: 'woff2',
      variationAxes: weightAxis,
      keepFeatures: ['halt', 'kern'],
      dropTables: ['vhea', 'vmtx', 'BASE'],
    },
  },
  {
    family: notoUiFamily,
    slug: 'noto-sans-sc-ui',
    packageName: '@fontsource-variable/noto-sans-sc',
    fileName: (slice) => `noto-sans-sc-${slice}-wght-normal.woff2`,
    only: 'ui',
    options: {
      targetFormat: 'woff2',
      variationAxes: weightAxis,
      keepFeatures: ['halt', 'kern'],
      dropTables: ['vhea', 'vmtx', 'BASE'],
    },
  },
];

/**
 * The performance budget for the Chinese font of the whole deck (every woff2 file of Noto Sans SC together),
 * in KiB as web performance budgets count: 320 KiB. The build warns above it and a unit test fails. (It was 300 KiB
 * until the editorial pass made the talk 25 minutes long and added the epilogue: about 80 more characters.)
 */
export const cjkBudgetBytes = 320 * 1024;

/** Bump when the output changes for the same characters (settings, file layout, CSS). */
const pipelineVersion = 7;

export interface FontFileInfo {
  family: string;
  /** File name inside the subset directory. */
  file: string;
  bytes: number;
  /** How many code points the file covers. */
  codePoints: number;
  unicodeRange: string;
}

export interface FontSubset {
  /** Hash of the character set and the settings. */
  key: string;
  dir: string;
  /** The @font-face CSS, next to the woff2 files it points to with relative URLs. */
  cssFile: string;
  files: FontFileInfo[];
  /** Characters neither font has (rendered by the system's fallback fonts). */
  missing: string;
  /** True when the result came from the cache. */
  cached: boolean;
}

export interface SubsetOptions {
  /** Project root (its node_modules holds the fontsource packages). */
  root: string;
  /** The characters to keep (collectCharacters). */
  characters: string;
  /** The characters of the English deck, for the UI family (collectCharacters); none: no UI family. */
  uiCharacters?: string;
  /**
   * What the Chinese page paints first (its first slide): each slice of the Chinese family is cut in two, these
   * characters and the rest, so the first paint downloads a few KiB per slice instead of the whole slices.
   */
  firstCharacters?: string;
  /** The same for the UI family and the English page's first slide. */
  uiFirstCharacters?: string;
  /** Where cached subsets go; default node_modules/.cache/chuhai-fonts under the root. */
  cacheDir?: string;
}

export const defaultCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'chuhai-fonts');

interface Slice {
  name: string;
  path: string;
  declared: Array<[number, number]>;
  font?: Font;
}

function parseUnicodeRange(range: string): Array<[number, number]> {
  return range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from!, 16), Number.parseInt(to ?? from!, 16)];
  });
}

/** Every code point a CSS unicode-range names. */
export function codePointsOf(range: string): number[] {
  return parseUnicodeRange(range).flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i),
  );
}

/** Code points as a CSS unicode-range: U+20-7E,U+4E00. */
export function formatUnicodeRange(codePoints: readonly number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? `U+${hex(start)}` : `U+${hex(start)}-${hex(sorted[i]!)}`);
  }
  return parts.join(',');
}

function packageDir(root: string, packageName: string): string {
  return join(root, 'node_modules', ...packageName.split('/'));
}

function packageVersion(root: string, packageName: string): string {
  const json = JSON.parse(readFileSync(join(packageDir(root, packageName), 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}

function loadSlices(root: string, spec: FamilySpec): Slice[] {
  const dir = packageDir(root, spec.packageName);
  const ranges = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  return Object.entries(ranges)
    .map(([key, range]) => ({ name: key.replace(/^\[(.*)\]$/, '$1'), range }))
    .filter(({ name }) => !spec.slices || spec.slices.includes(name))
    .map(({ name, range }) => ({
      name,
      path: join(dir, 'files', spec.fileName(name)),
      declared: parseUnicodeRange(range),
    }));
}

const fontOf = (slice: Slice): Font => {
  slice.font ??= create(readFileSync(slice.path));
  return slice.font;
};

/**
 * Assigns each code point to the slice fontsource declares for it, or else to the first slice whose font
 * has it (fontkit reads the cmap). Code points no slice has are left out.
 */
function assign(slices: Slice[], codePoints: readonly number[]): Map<Slice, number[]> {
  const bySlice = new Map<Slice, number[]>();
  const put = (slice: Slice, cp: number) => {
    const list = bySlice.get(slice);
    if (list) list.push(cp);
    else bySlice.set(slice, [cp]);
  };
  for (const cp of codePoints) {
    const declared = slices.find((s) => s.declared.some(([from, to]) => cp >= from && cp <= to));
    if (declared && fontOf(declared).hasGlyphForCodePoint(cp)) put(declared, cp);
    else {
      const any = slices.find((s) => fontOf(s).hasGlyphForCodePoint(cp));
      if (any) put(any, cp);
    }
  }
  return bySlice;
}

function fontFaceCss(files: readonly FontFileInfo[]): string {
  const faces = files.map((f) =>
    [
      '@font-face {',
      `  font-family: '${f.family}';`,
      '  font-style: normal;',
      '  font-display: swap;',
      `  font-weight: ${weightAxis.wght.min} ${weightAxis.wght.max};`,
      `  src: url('./${f.file}') format('woff2');`,
      `  unicode-range: ${f.unicodeRange};`,
      '}',
    ].join('\n'),
  );
  // Each stand-in draws what its web font's files draw (src/node/fallback-fonts.ts).
  const drawn = (names: readonly string[], below = Number.POSITIVE_INFINITY) =>
    formatUnicodeRange(
      files
        .filter((f) => names.includes(f.family))
        .flatMap((f) => codePointsOf(f.unicodeRange))
        .filter((cp) => cp < below),
    );
  const standIns = fallbackFontFaces({
    latin: drawn([interFamily]),
    chinese: drawn([notoFamily, notoUiFamily], cjkStart),
  });
  return `/* Generated by src/node/fonts.ts: subsets of Inter and Noto Sans SC (SIL Open Font License 1.1). */\n${faces.join('\n\n')}\n\n${standIns}`;
}

function cacheKey(root: string, characters: string, uiCharacters: string, firstCharacters: string): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      pipelineVersion,
      characters,
      uiCharacters,
      firstCharacters,
      families,
      versions: [...families.map((f) => f.packageName), 'subset-font', 'fontkit'].map((name) =>
        packageVersion(root, name),
      ),
    }),
  );
  return hash.digest('hex').slice(0, 16);
}

interface Manifest {
  files: FontFileInfo[];
  missing: string;
}

/** Keeps the few most recently used subsets so the cache does not grow without bound. */
function pruneCache(cacheDir: string, keep: string, max = 6): void {
  const entries = readdirSync(cacheDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^[0-9a-f]{16}$/.test(e.name) && e.name !== keep)
    .map((e) => ({ path: join(cacheDir, e.name), mtime: statSync(join(cacheDir, e.name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const entry of entries.slice(max - 1)) rmSync(entry.path, { recursive: true, force: true });
}

/** Subsets both families to the characters (or reuses the cached result) and writes the @font-face CSS. */
export async function buildFontSubset(options: SubsetOptions): Promise<FontSubset> {
  const cacheDir = options.cacheDir ?? defaultCacheDir(options.root);
  const uiCharacters = options.uiCharacters ?? '';
  const firstCharacters = options.firstCharacters ?? '';
  const uiFirstCharacters = options.uiFirstCharacters ?? '';
  const key = cacheKey(
    options.root,
    options.characters,
    uiCharacters,
    `${firstCharacters}\n${uiFirstCharacters}`,
  );
  const dir = join(cacheDir, key);
  const manifestFile = join(dir, 'manifest.json');
  const cssFile = join(dir, 'fonts.css');
  if (existsSync(manifestFile) && existsSync(cssFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    return { key, dir, cssFile, ...manifest, cached: true };
  }

  const codePoints = [...options.characters].map((c) => c.codePointAt(0)!);
  const files: FontFileInfo[] = [];
  const outputs = new Map<string, Buffer>();
  const covered = new Set<number>();
  const uiCodePoints = [...uiCharacters].map((c) => c.codePointAt(0)!);
  const codePointSet = (text: string) => new Set([...text].map((c) => c.codePointAt(0)!));
  const firstCodePoints = codePointSet(firstCharacters);
  const uiFirstCodePoints = codePointSet(uiFirstCharacters);
  for (const spec of families) {
    if (spec.only === 'ui' && uiCodePoints.length === 0) continue;
    const bySlice = assign(loadSlices(options.root, spec), spec.only === 'ui' ? uiCodePoints : codePoints);
    // The Chinese families' slices are cut in two: what the page's first paint needs, then the rest.
    const first =
      spec.family === notoFamily ? firstCodePoints : spec.only === 'ui' ? uiFirstCodePoints : null;
    const parts = [...bySlice].flatMap(([slice, cps]) =>
      first ? splitFirst(cps, first, slice) : [{ slice, cps, suffix: '' }],
    );
    for (const { slice, cps, suffix } of parts) {
      const output = await subsetFont(readFileSync(slice.path), String.fromCodePoint(...cps), spec.options);
      const check = create(output);
      const lost = cps.filter((cp) => !check.hasGlyphForCodePoint(cp));
      if (lost.length) {
        throw new Error(
          `fonts: the ${spec.family} subset of ${slice.name} lost ${String.fromCodePoint(...lost)}`,
        );
      }
      // A UI file byte-identical to the full family's file of the same slice (the English deck's text holds every
      // character the deck takes from that slice) is written once, under the UI name, and both faces point to it.
      // Left to Vite, identical assets are merged under whichever name it emits first, so the English page would
      // request a file named as a slice of the full family (and a switch would download nothing new anyway).
      const twin =
        spec.only === 'ui'
          ? files.find((f) => f.file === `${notoSlug}-${slice.name}${suffix}.woff2`)
          : undefined;
      const file = `${spec.slug}-${slice.name}${suffix}.woff2`;
      if (twin && outputs.get(twin.file)?.equals(output)) {
        outputs.delete(twin.file);
        twin.file = file;
      }
      outputs.set(file, output);
      files.push({
        family: spec.family,
        file,
        bytes: output.length,
        codePoints: cps.length,
        unicodeRange: formatUnicodeRange(cps),
      });
      if (!spec.only) for (const cp of cps) covered.add(cp);
    }
  }
  const missing = String.fromCodePoint(...codePoints.filter((cp) => !covered.has(cp)));

  // Written to a temporary directory and renamed, so a parallel build never reads a half-written subset.
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(temp, { recursive: true });
  for (const [file, output] of outputs) writeFileSync(join(temp, file), output);
  writeFileSync(join(temp, 'fonts.css'), fontFaceCss(files));
  writeFileSync(
    join(temp, 'manifest.json'),
    `${JSON.stringify({ files, missing } satisfies Manifest, null, 2)}\n`,
  );
  try {
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(manifestFile)) throw error;
  }
  pruneCache(cacheDir, key);
  return { key, dir, cssFile, files, missing, cached: false };
}

/**
 * A slice's code points as the part the first paint needs (file suffix `-first`) and the rest (no suffix),
 * each only if not empty: the browser fetches a file only when its unicode-range holds a character on screen.
 */
export function splitFirst<S>(
  cps: readonly number[],
  first: ReadonlySet<number>,
  slice: S,
): { slice: S; cps: number[]; suffix: string }[] {
  const early = cps.filter((cp) => first.has(cp));
  const late = cps.filter((cp) => !first.has(cp));
  return [
    ...(early.length > 0 ? [{ slice, cps: early, suffix: '-first' }] : []),
    ...(late.length > 0 ? [{ slice, cps: late, suffix: '' }] : []),
  ];
}

/** Total bytes per family, e.g. { 'Inter Variable': 41000, 'Noto Sans SC Variable': 295000 }. */
export function bytesByFamily(files: readonly FontFileInfo[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const f of files) totals[f.family] = (totals[f.family] ?? 0) + f.bytes;
  return totals;
}

/** One line for the build log. */
export function describeSubset(subset: FontSubset, root: string): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const totals = Object.entries(bytesByFamily(subset.files))
    .map(([family, bytes]) => `${family} ${kb(bytes)}`)
    .join(', ');
  const where = relative(root, subset.dir).split(sep).join('/');
  const fileCount = new Set(subset.files.map((f) => f.file)).size;
  return `fonts: ${fileCount} woff2 files (${totals})${subset.cached ? ', cached' : ''} in ${where}`;
}

/**
 * For `vite` dev: a CSS file that imports the full fontsource slices, so slide edits never need a re-subset.
 * Returns its path (inside the cache directory).
 */
export function writeDevFontsCss(root: string, cacheDir = defaultCacheDir(root)): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, 'dev.css');
  const css = families.map((f) => `@import '${f.packageName}/wght.css';`).join('\n');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== `${css}\n`) writeFileSync(file, `${css}\n`);
  return file;
}
