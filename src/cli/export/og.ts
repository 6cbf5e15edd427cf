/**
 * The link-preview images: the title slide at 1200×630 per language, cut from its 1920×1080 photograph (the
 * print view's, as every export) by a page of their own: scaled to 1200 px wide and cropped evenly top and
 * bottom, where the title slide has only its margin.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { ogImage, ogImageFile } from '../../node/og.ts';
import type { Lng } from '../../shared/languages.ts';
import { writeFileAtomic } from '../pdf-metadata.ts';
import type { Written } from './pdf.ts';

export async function linkPreview(browser: Browser, slide: Buffer): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: { width: ogImage.width, height: ogImage.height },
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.evaluate(
      async ({ png, width, height }) => {
        Object.assign(document.body.style, { margin: '0', overflow: 'hidden', background: '#0b1620' });
        const img = document.createElement('img');
        img.src = `data:image/png;base64,${png}`;
        Object.assign(img.style, { display: 'block', width: `${width}px`, height: `${height}px` });
        img.style.objectFit = 'cover';
        document.body.append(img);
        await img.decode();
      },
      { png: slide.toString('base64'), width: ogImage.width, height: ogImage.height },
    );
    return await page.screenshot({ animations: 'disabled' });
  } finally {
    await context.close();
  }
}

export async function writeLinkPreview(
  browser: Browser,
  slide: Buffer,
  lng: Lng,
  outDir: string,
): Promise<Written> {
  const png = await linkPreview(browser, slide);
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, ogImageFile(lng));
  await writeFileAtomic(file, png);
  return { file, count: 1, bytes: png.byteLength };
}
