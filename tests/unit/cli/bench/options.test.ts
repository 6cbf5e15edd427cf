import { describe, expect, it } from 'vitest';
import { parseOptions, usage } from '../../../../src/cli/bench/options';

describe('bench options', () => {
  it('fills in the full defaults', () => {
    expect(parseOptions([])).toEqual({
      runs: 5,
      buildRuns: 3,
      pdfRuns: 3,
      slides: 300,
      settle: 10_000,
      json: null,
      keep: false,
      mobile: true,
    });
  });

  it('--quick lowers the run counts, and explicit counts still win', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ runs: 3, buildRuns: 1, pdfRuns: 1 });
    expect(parseOptions(['--quick', '--runs', '2', '--pdf-runs', '0'])).toMatchObject({
      runs: 2,
      buildRuns: 1,
      pdfRuns: 0,
    });
  });

  it('reads every option', () => {
    expect(
      parseOptions([
        '--runs=7',
        '--build-runs',
        '2',
        '--slides',
        '40',
        '--settle',
        '0',
        '--json',
        'out.json',
        '--keep',
        '--no-mobile',
      ]),
    ).toEqual({
      runs: 7,
      buildRuns: 2,
      pdfRuns: 3,
      slides: 40,
      settle: 0,
      json: 'out.json',
      keep: true,
      mobile: false,
    });
  });

  it('runs the mobile figures by default, --quick included, and skips them with --no-mobile', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ mobile: true, runs: 3 });
    expect(parseOptions(['--quick', '--no-mobile'])).toMatchObject({ mobile: false, runs: 3 });
    expect(() => parseOptions(['--mobile=no'])).toThrow();
    expect(() => parseOptions(['--no-mobile=1'])).toThrow();
  });

  it('answers help for --help and -h', () => {
    expect(parseOptions(['--help'])).toBe('help');
    expect(parseOptions(['-h'])).toBe('help');
  });

  it('rejects counts that are not whole numbers or below their minimum, naming the value', () => {
    expect(() => parseOptions(['--runs', '0'])).toThrow('expected a whole number ≥ 1, not "0"');
    expect(() => parseOptions(['--runs', '1.5'])).toThrow('not "1.5"');
    expect(() => parseOptions(['--slides', '1'])).toThrow('≥ 2');
    expect(() => parseOptions(['--pdf-runs=-1'])).toThrow('≥ 0');
    expect(() => parseOptions(['--settle', 'soon'])).toThrow('not "soon"');
  });

  it('rejects unknown options and positionals', () => {
    expect(() => parseOptions(['--fast'])).toThrow();
    expect(() => parseOptions(['extra'])).toThrow();
  });

  it('documents every option it accepts', () => {
    for (const flag of [
      '--runs',
      '--build-runs',
      '--pdf-runs',
      '--slides',
      '--settle',
      '--quick',
      '--json',
      '--keep',
      '--no-mobile',
    ])
      expect(usage).toContain(flag);
  });
});
