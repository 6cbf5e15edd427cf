/**
 * The PDF: reveal's own print view printed by Chromium (one 16:9 page per slide, every step shown, every chart
 * at its final state), then the language and title set with pdf-lib and the file written whole.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { withMetadata, writeFileAtomic } from '../pdf-metadata.ts';
import { exportFileName, type Variant } from './names.ts';
import { type PrintView, projectRoot, readJson } from './session.ts';

export interface Producer {
  /** package.json's `author`, when the project names one. */
  author?: string;
  /** package.json's `name`: the author when there is none. */
  name: string;
  /** What made the file: the project, the exporter, reveal's print view, Chromium. */
  creator: string;
}

export async function producer(browser: Browser, command: string): Promise<Producer> {
  type Pkg = { name?: string; version?: string; author?: string | { name?: string } };
  const pkg = await readJson<Pkg>(join(projectRoot, 'package.json'));
  const reveal = await readJson<Pkg>(join(projectRoot, 'node_modules/reveal.js/package.json')).catch(
    () => ({}) as Pkg,
  );
  return {
    author: typeof pkg.author === 'string' ? pkg.author : pkg.author?.name,
    name: pkg.name ?? 'deck',
    creator: `${pkg.name ?? 'deck'} ${command} (reveal.js ${reveal.version ?? ''} print view, Chromium ${browser.version()})`,
  };
}

export interface Written {
  file: string;
  /** Pages, images or slides. */
  count: number;
  bytes: number;
}

export async function writePdf(
  view: PrintView,
  outDir: string,
  stem: string,
  variant: Variant,
  made: Producer,
): Promise<Written> {
  const pdf = await view.page.pdf({
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
    outline: true,
  });
  const { bytes, pages } = await withMetadata(pdf, {
    title: view.info.title,
    lang: view.info.lang,
    subject: view.info.description,
    author: made.author,
    creator: made.creator,
  });
  if (pages !== view.info.pages)
    view.warnings.push(`${pages} PDF pages for ${view.info.pages} laid out: check the page size`);
  const file = join(outDir, exportFileName(stem, view.lng, 'pdf', variant));
  await writeFileAtomic(file, bytes);
  return { file, count: pages, bytes: bytes.byteLength };
}
