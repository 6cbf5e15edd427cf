import { describe, expect, it } from 'vitest';
import { parseExportArgs, UsageError, usage } from '../../../../src/cli/export/options';

describe('parseExportArgs', () => {
  it('defaults: both languages, no notes, one page per slide, exports/, always build', () => {
    expect(parseExportArgs('pdf', [])).toEqual({
      format: 'pdf',
      lngs: ['en', 'zh'],
      out: 'exports',
      steps: false,
      notes: null,
      notesLng: null,
      build: true,
      help: false,
    });
    expect(parseExportArgs('og', []).out).toBe('dist/og');
  });

  it('reads --lng, --out, --steps, --notes-lng and --no-build, with a space or =', () => {
    expect(parseExportArgs('pdf', ['--lng', 'zh']).lngs).toEqual(['zh']);
    expect(parseExportArgs('png', ['--lng=en']).lngs).toEqual(['en']);
    expect(parseExportArgs('html', ['--lng', 'zh', '--lng', 'en', '--lng', 'zh']).lngs).toEqual(['zh', 'en']);
    expect(parseExportArgs('pdf', ['--out', 'dist-pdf']).out).toBe('dist-pdf');
    expect(parseExportArgs('pptx', ['--out=a b']).out).toBe('a b');
    expect(parseExportArgs('pptx', ['--steps']).steps).toBe(true);
    expect(parseExportArgs('pptx', ['--notes-lng', 'en', '--lng', 'zh'])).toMatchObject({
      notesLng: 'en',
      lngs: ['zh'],
    });
    expect(parseExportArgs('all', ['--no-build']).build).toBe(false);
    expect(parseExportArgs('pdf', ['-h']).help).toBe(true);
  });

  it('--notes alone means notes pages; "below" puts them under each slide', () => {
    expect(parseExportArgs('pdf', ['--notes']).notes).toBe('pages');
    expect(parseExportArgs('pdf', ['--notes', '--steps'])).toMatchObject({ notes: 'pages', steps: true });
    expect(parseExportArgs('pdf', ['--notes', 'below']).notes).toBe('below');
    expect(parseExportArgs('pdf', ['--notes=below']).notes).toBe('below');
    expect(parseExportArgs('pdf', ['--notes=pages']).notes).toBe('pages');
  });

  it('says what is wrong, as a UsageError', () => {
    const wrong: [Parameters<typeof parseExportArgs>, RegExp][] = [
      [['pdf', ['--lng', 'fr']], /--lng must be en or zh, not "fr"/],
      [['pdf', ['--lng']], /--lng needs a value/],
      [['pdf', ['--out']], /--out needs a value/],
      [['pdf', ['--out', '--steps']], /--out needs a value/],
      [['pdf', ['--out=']], /--out needs a value/],
      [['pdf', ['--notes=side']], /--notes takes "pages" or "below"/],
      [['pdf', ['--notes', 'sideways']], /--notes takes "pages" or "below", not "sideways"/],
      [['pdf', ['--steps=yes']], /--steps takes no value/],
      [['pdf', ['--pdf']], /Unknown option --pdf/],
      [['pdf', ['zh']], /Unexpected argument "zh"/],
      [['pptx', ['--notes-lng', 'de']], /--notes-lng must be en or zh, not "de"/],
      // Each command takes only the options that mean something for it.
      [['png', ['--notes']], /Unknown option --notes/],
      [['pdf', ['--notes-lng', 'en']], /Unknown option --notes-lng/],
      [['html', ['--steps']], /Unknown option --steps/],
    ];
    for (const [args, message] of wrong) {
      expect(() => parseExportArgs(...args), args[1].join(' ')).toThrow(UsageError);
      expect(() => parseExportArgs(...args), args[1].join(' ')).toThrow(message);
    }
  });
});

describe('usage', () => {
  it("lists each command's own options", () => {
    expect(usage('pptx')).toContain('npm run export:pptx');
    expect(usage('pptx')).toContain('--notes-lng en|zh');
    expect(usage('pptx')).not.toContain('--notes [pages]');
    expect(usage('pdf')).toContain('--notes below');
    expect(usage('all')).toContain('npm run export -- [options]');
    expect(usage('html')).not.toContain('Chromium');
  });
});
