/**
 * The PNGs: one 1920×1080 image per slide (each at its last step, or per step with --steps), photographed from
 * the print view that the PDF prints, and a contact sheet of them all, laid out by the browser itself.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { Lng } from '../../shared/languages.ts';
import { exportFileName, pngFileName, type Variant } from './names.ts';
import type { Written } from './pdf.ts';
import { type PrintPage, replaceAtomically } from './session.ts';

export const contactSheetName = 'contact-sheet.png';

export interface Shot {
  page: PrintPage;
  png: Buffer;
}

/** Columns of the contact sheet, and each thumbnail's width in px (a fifth of 1920). */
const columns = 5;
const thumbWidth = 384;

/** The slides as a grid of numbered thumbnails, rendered in a page of its own (no file, no server). */
export async function contactSheet(browser: Browser, shots: readonly Shot[], lang: string): Promise<Buffer> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 600 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.evaluate(
      ({ items, lang, columns, thumbWidth }) => {
        document.documentElement.lang = lang;
        const body = document.body;
        Object.assign(body.style, {
          margin: '0',
          padding: '16px',
          background: '#0b1620',
          color: '#e8eef2',
          font: '16px/1.3 system-ui, sans-serif',
          display: 'grid',
          gridTemplateColumns: `repeat(${columns}, ${thumbWidth}px)`,
          gap: '16px',
          width: 'max-content',
        });
        for (const [i, item] of items.entries()) {
          const figure = document.createElement('figure');
          figure.style.margin = '0';
          const img = document.createElement('img');
          img.src = `data:image/png;base64,${item.png}`;
          img.width = thumbWidth;
          img.height = Math.round((thumbWidth * 9) / 16);
          img.style.display = 'block';
          const caption = document.createElement('figcaption');
          caption.textContent = `${i + 1} · ${item.id}`;
          caption.style.paddingTop = '4px';
          figure.append(img, caption);
          body.append(figure);
        }
      },
      {
        items: shots.map((shot) => ({ id: shot.page.id, png: shot.png.toString('base64') })),
        lang,
        columns,
        thumbWidth,
      },
    );
    await page.evaluate(() => Promise.all(Array.from(document.images, (img) => img.decode())));
    return await page.locator('body').screenshot({ animations: 'disabled' });
  } finally {
    await context.close();
  }
}

/** Writes `<stem>-<lng>-png/NN-<id>.png` and its contact sheet, replacing the folder whole. */
export async function writePngs(
  browser: Browser,
  shots: readonly Shot[],
  lang: string,
  dir: string,
): Promise<Written> {
  const sheet = await contactSheet(browser, shots, lang);
  let bytes = sheet.byteLength;
  await replaceAtomically(dir, async (temp) => {
    await mkdir(temp, { recursive: true });
    for (const [index, shot] of shots.entries()) {
      await writeFile(join(temp, pngFileName(index, shot.page.id, shot.page.step)), shot.png);
      bytes += shot.png.byteLength;
    }
    await writeFile(join(temp, contactSheetName), sheet);
  });
  return { file: dir, count: shots.length, bytes };
}

export const pngDirName = (stem: string, lng: Lng, variant: Variant): string =>
  `${exportFileName(stem, lng, '', variant)}-png`;
