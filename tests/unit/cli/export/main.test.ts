import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/cli/find-chromium', () => ({
  findChromium: () => null,
  chromiumHelp: 'No Chromium found. (help text)',
}));

const capture = () => {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { text: () => text, restore: () => spy.mockRestore() };
};

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  const { main } = await import('../../../../src/cli/export');
  const err = capture();
  try {
    return { code: await main(argv), stderr: err.text() };
  } finally {
    err.restore();
  }
}

describe('the export command', () => {
  it('a wrong option: the reason and where the options are, exit 2, no stack trace', async () => {
    const { code, stderr } = await run(['pptx', '--lng', 'fr']);
    expect(code).toBe(2);
    expect(stderr).toContain('--lng must be en or zh, not "fr".');
    expect(stderr).toContain('npm run export:pptx -- --help');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('an unknown format: says which there are, exit 2', async () => {
    const { code, stderr } = await run(['docx']);
    expect(code).toBe(2);
    expect(stderr).toContain('one of pdf, png, pptx, html, og or all (not "docx")');
  });

  it('no Chromium: says how to get one, exit 1, before building anything', async () => {
    const { code, stderr } = await run(['png', '--no-build']);
    expect(code).toBe(1);
    expect(stderr).toBe('No Chromium found. (help text)\n');
  });
});
