import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfLang, withMetadata, writeFileAtomic } from '../../../src/cli/pdf-metadata';
import zhUi from '../../../src/i18n/locales/zh/ui.json';

describe('PDF metadata', () => {
  it('sets the language, title, subject and creator, keeping the pages', async () => {
    const source = await PDFDocument.create();
    source.addPage([998, 561]);
    source.addPage([998, 561]);
    const { bytes, pages } = await withMetadata(await source.save(), {
      title: zhUi.deck.title,
      lang: 'zh-CN',
      subject: zhUi.deck.description,
      creator: 'test',
    });
    expect(pages).toBe(2);
    expect(await pdfLang(bytes)).toBe('zh-CN');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(zhUi.deck.title);
    expect(doc.getSubject()).toBe(zhUi.deck.description);
    expect(doc.getCreator()).toBe('test');
    expect(doc.catalog.get(PDFName.of('ViewerPreferences'))).toBeDefined();
  });

  it('writes a file whole, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'export-pdf-'));
    try {
      await writeFileAtomic(join(dir, 'a.pdf'), new Uint8Array([37, 80, 68, 70]));
      expect(await readdir(dir)).toEqual(['a.pdf']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
