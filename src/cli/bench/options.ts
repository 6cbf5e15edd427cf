/** `npm run bench`'s options (src/cli/bench.ts): parsed with node:util's parseArgs, checked, defaults filled in. */
import { parseArgs } from 'node:util';

export interface Options {
  runs: number;
  buildRuns: number;
  pdfRuns: number;
  slides: number;
  settle: number;
  json: string | null;
  keep: boolean;
  /** The mobile run (Lighthouse, `options.runs` times per page); off with --no-mobile. */
  mobile: boolean;
}

export const usage = `Usage: npm run bench -- [options]

  --runs N         browser runs per measurement, each in a fresh context (default 5)
  --build-runs N   builds of each deck (default 3)
  --pdf-runs N     export:pdf runs (default 3; 0 skips the PDF timing)
  --slides N       slides per language in the synthetic deck (default 300)
  --settle MS      at most this long, before timing a key press or switch, for the page to settle: no
                   CSS transition running and every chart step ended (default 10000)
  --quick          --runs 3 --build-runs 1 --pdf-runs 1
  --no-mobile      skip the mobile run (Lighthouse's mobile profile, --runs times per page, ≈ 20 s a run)
  --json FILE      also write the figures as JSON
  --keep           keep the temporary builds (their folder is printed)`;

export function parseOptions(argv: readonly string[]): Options | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      runs: { type: 'string' },
      'build-runs': { type: 'string' },
      'pdf-runs': { type: 'string' },
      slides: { type: 'string' },
      settle: { type: 'string' },
      quick: { type: 'boolean' },
      json: { type: 'string' },
      keep: { type: 'boolean' },
      'no-mobile': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  const count = (value: string | undefined, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`expected a whole number ≥ ${min}, not "${value}".`);
    return n;
  };
  const quick = values.quick === true;
  return {
    runs: count(values.runs, quick ? 3 : 5, 1),
    buildRuns: count(values['build-runs'], quick ? 1 : 3, 1),
    pdfRuns: count(values['pdf-runs'], quick ? 1 : 3, 0),
    slides: count(values.slides, 300, 2),
    settle: count(values.settle, 10_000, 0),
    json: values.json ?? null,
    keep: values.keep === true,
    mobile: values['no-mobile'] !== true,
  };
}
