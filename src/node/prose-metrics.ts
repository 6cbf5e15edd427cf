/**
 * Two measures of the deck's prose, pure text in and numbers out:
 * - how long the notes take to say (140 English words or 240 Chinese characters a minute), and
 * - which runs of words or characters it shares with the source article (our own words: facts carry over,
 *   sentences do not).
 */

export type SpeechLng = 'en' | 'zh';

/** Speaking rates the talk is planned with. */
export const WORDS_PER_MINUTE_EN = 140;
export const CHARS_PER_MINUTE_ZH = 240;

/** What the speaker reads aloud from a Markdown note: the text, without tags, link targets or emphasis marks. */
export function spokenText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const cjk = /\p{Script=Han}/u;

/**
 * Units of speech: English words; in Chinese, each Han character plus each run of Latin letters or digits
 * ("2024", "DeepSeek-V2", "70%") counted as one, the way the content review measured it.
 */
export function speechUnits(text: string, lng: SpeechLng): number {
  const spoken = spokenText(text);
  if (lng === 'en') return spoken.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-–%]*/gu)?.length ?? 0;
  let units = 0;
  for (const ch of spoken) if (cjk.test(ch)) units += 1;
  units += spoken.match(/[A-Za-z0-9][A-Za-z0-9.\-–%+]*/g)?.length ?? 0;
  return units;
}

/** Seconds to say a note at the planned rate. */
export function speechSeconds(text: string, lng: SpeechLng): number {
  const perMinute = lng === 'en' ? WORDS_PER_MINUTE_EN : CHARS_PER_MINUTE_ZH;
  return (speechUnits(text, lng) / perMinute) * 60;
}

// ---------------------------------------------------------------- shared runs

/** A stretch of our text that also appears in the source. */
export interface SharedRun {
  /** The shared text, as normalised (Chinese: characters without spaces or punctuation; English: lower-case words). */
  text: string;
  /** Its length: characters (Chinese) or words (English). */
  length: number;
}

/** Web addresses are not prose: both texts link to the same pages. */
const withoutUrls = (text: string) => text.replace(/\]\([^)]*\)/g, '] ').replace(/https?:\/\/\S+/g, ' ');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each protected name with a marker that matches nothing, so a list of names is not a copied sentence. */
function maskNames(text: string, names: readonly string[]): string {
  let t = text;
  for (const name of names)
    t = t.replace(new RegExp(escapeRegExp(name).replace(/ /g, '\\s*'), 'gi'), ' \uE000 ');
  return t;
}

/** Chinese for comparison: letters, digits and Han characters only, so punctuation or spacing can't hide a copy. */
function zhCharacters(text: string, names: readonly string[]): string[] {
  return [...maskNames(withoutUrls(text).normalize('NFKC'), names)].filter((ch) =>
    /[\p{Script=Han}\p{L}\p{N}\uE000]/u.test(ch),
  );
}

/** English for comparison: lower-case words, with the protected names replaced by a marker that matches nothing. */
function enWords(text: string, names: readonly string[]): string[] {
  return maskNames(withoutUrls(text).normalize('NFKC').replace(/[’‘]/g, "'"), names)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'\uE000]+/u)
    .filter((w) => w !== '' && w !== "'");
}

function runsOf(ours: string[], theirs: string[], min: number, join: string): SharedRun[] {
  if (ours.length < min || theirs.length < min) return [];
  const grams = new Set<string>();
  for (let i = 0; i + min <= theirs.length; i++) {
    const gram = theirs.slice(i, i + min);
    if (!gram.includes('\uE000')) grams.add(gram.join('\u0001'));
  }
  const runs: SharedRun[] = [];
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start < 0) return;
    runs.push({ text: ours.slice(start, end).join(join), length: end - start });
    start = -1;
  };
  for (let i = 0; i + min <= ours.length; i++) {
    const gram = ours.slice(i, i + min);
    if (!gram.includes('\uE000') && grams.has(gram.join('\u0001'))) {
      if (start < 0 || i > end) {
        flush();
        start = i;
      }
      end = i + min;
    }
  }
  flush();
  return runs;
}

/** Runs of at least `min` characters (Chinese) shared with the source, ignoring punctuation, spaces and names. */
export function sharedChineseRuns(
  ours: string,
  source: string,
  min = 20,
  names: readonly string[] = [],
): SharedRun[] {
  return runsOf(zhCharacters(ours, names), zhCharacters(source, names), min, '');
}

/** Runs of at least `min` words (English) shared with the source, outside the given proper names. */
export function sharedEnglishRuns(
  ours: string,
  source: string,
  min = 8,
  names: readonly string[] = [],
): SharedRun[] {
  return runsOf(enWords(ours, names), enWords(source, names), min, ' ');
}
