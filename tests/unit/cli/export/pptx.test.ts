import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Shot } from '../../../../src/cli/export/png';
import { buildPresentation, withLanguages } from '../../../../src/cli/export/pptx';

// pptxgenjs stores the picture's bytes as given; they need not decode for these checks.
const picture = Buffer.from('not decoded here');
const shots: Shot[] = [
  {
    page: { id: 'title', title: '出海 · Going Global', notes: '欢迎。\n\n第二段。', step: null },
    png: picture,
  },
  { page: { id: 'funding', title: 'AI 融资', notes: '', step: null }, png: picture },
];
const deck = { title: '出海', subject: '数据故事', author: 'chuhai-deck', lang: 'zh-CN', notesLang: 'en-US' };

async function written(): Promise<JSZip> {
  const bytes = await buildPresentation(shots, deck).write({ outputType: 'uint8array' });
  if (!(bytes instanceof Uint8Array)) throw new Error('no bytes');
  return JSZip.loadAsync(await withLanguages(bytes, deck.lang, 'zh-CN'));
}

const text = async (zip: JSZip, name: string): Promise<string> => {
  const file = zip.file(name);
  if (!file) throw new Error(`${name} is missing`);
  return file.async('string');
};

describe('the PowerPoint file', () => {
  it('has a 16:9 slide per shot, each a full-bleed picture with the title as its alt text', async () => {
    const zip = await written();
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(2);
    expect(await text(zip, 'ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="5143500"');
    const first = await text(zip, 'ppt/slides/slide1.xml');
    expect(first).toMatch(/<p:pic>[\s\S]*descr="出海 · Going Global"/);
    expect(first).toMatch(/<a:off x="0" y="0"\/>\s*<a:ext cx="9144000" cy="5143500"\/>/);
  });

  it('sets each title as the title placeholder, in the deck language, before (under) the picture', async () => {
    const zip = await written();
    const first = await text(zip, 'ppt/slides/slide1.xml');
    const title = first.indexOf('type="title"');
    expect(title).toBeGreaterThan(-1);
    expect(title).toBeLessThan(first.indexOf('<p:pic>'));
    expect(first).toMatch(/<a:rPr lang="zh-CN"[^>]*>.*<a:t>出海 · Going Global<\/a:t>/);
  });

  it('carries the notes, in the notes language, and the document title, author and language', async () => {
    const zip = await written();
    const notes = await text(zip, 'ppt/notesSlides/notesSlide1.xml');
    expect(notes).toContain('欢迎。');
    expect(notes).toContain('第二段。');
    expect(notes).toContain('lang="zh-CN"');
    expect(notes).not.toContain('lang="en-US"');
    const core = await text(zip, 'docProps/core.xml');
    expect(core).toContain('<dc:title>出海</dc:title>');
    expect(core).toContain('<dc:creator>chuhai-deck</dc:creator>');
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
  });
});
