import { rename, rm, writeFile } from 'node:fs/promises';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  /** BCP 47, as on <html lang>: `en`, `zh-CN`. */
  lang: string;
  subject?: string;
  author?: string;
  creator: string;
  keywords?: string[];
}

/**
 * Sets what Chromium leaves out or gets from the page: the document language (/Lang, for screen readers and
 * for picking Chinese glyphs in viewers), title (shown in the viewer's title bar), subject, author and
 * creator. The fonts, text, links and pages are kept as Chromium wrote them.
 */
export async function withMetadata(
  pdf: Uint8Array,
  meta: PdfMetadata,
): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setCreator(meta.creator);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.keywords?.length) doc.setKeywords(meta.keywords);
  doc.setModificationDate(new Date());
  // No object streams: some older viewers and tools read only classic cross-reference tables.
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: doc.getPageCount() };
}

/** Reads the document language of a PDF (its catalog's /Lang), or null. */
export async function pdfLang(pdf: Uint8Array): Promise<string | null> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const lang = doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString);
  return lang ? lang.decodeText() : null;
}

/** Writes a file whole or not at all: a temporary name in the same folder, then a rename. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
