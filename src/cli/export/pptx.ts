/**
 * The PowerPoint file, made with pptxgenjs: one 16:9 slide per deck slide, each the slide's 1920×1080 picture
 * from the print view (so glyphs and charts match the PDF), with
 * - its title as the slide's real title placeholder, so PowerPoint's and Keynote's outline, search, the
 *   accessibility checker and screen readers see text. The title box sits where the slide's own heading is,
 *   behind the full-bleed picture: hidden to the eye, first in reading order, and it never shows through or
 *   doubles the heading (an off-slide or transparent title is flagged or lost by some viewers);
 * - the picture's alt text, the same title;
 * - its speaker notes as notes text, in the deck's language or the one asked for;
 * - the document's title, author, subject and language.
 * pptxgenjs writes every run as `en-US` in the notes and has no document language, so those two are set in its
 * output with JSZip (which pptxgenjs itself uses): the notes runs' `lang`, and `dc:language` in core.xml.
 */
import { join } from 'node:path';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { escapeHtml } from '../../node/html.ts';
import { writeFileAtomic } from '../pdf-metadata.ts';
import type { Written } from './pdf.ts';
import type { Shot } from './png.ts';

export interface PptxDeck {
  /** The deck's title and description in its language. */
  title: string;
  subject: string;
  author?: string;
  /** BCP 47 tags: the slides' language and the notes' language (`en-US`, `zh-CN`). */
  lang: string;
  notesLang: string;
}

const layout = { name: 'LAYOUT_16x9', width: 10, height: 5.625 } as const;
const masterName = 'DECK_IMAGE';

/** The pptxgenjs presentation, before it is written. */
export function buildPresentation(shots: readonly Shot[], deck: PptxDeck): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.layout = layout.name;
  pptx.title = deck.title;
  pptx.subject = deck.subject;
  if (deck.author) pptx.author = deck.author;
  pptx.company = deck.author ?? '';
  pptx.defineSlideMaster({
    title: masterName,
    background: { color: '0B1620' },
    objects: [
      {
        placeholder: {
          // Where the deck's headings are: 64 px from the left and top of the 1280×720 slide.
          options: { name: 'title', type: 'title', x: 0.5, y: 0.35, w: 9, h: 1 },
          text: '',
        },
      },
    ],
  });
  for (const shot of shots) {
    const slide = pptx.addSlide({ masterName });
    slide.addText(shot.page.title, {
      placeholder: 'title',
      lang: deck.lang,
      color: 'FFFFFF',
      fontSize: 28,
      align: 'left',
    });
    slide.addImage({
      data: `image/png;base64,${shot.png.toString('base64')}`,
      x: 0,
      y: 0,
      w: layout.width,
      h: layout.height,
      altText: shot.page.title,
    });
    if (shot.page.notes) slide.addNotes(shot.page.notes);
  }
  return pptx;
}

/** Sets what pptxgenjs cannot: the notes' language and the document's. */
export async function withLanguages(pptx: Uint8Array, lang: string, notesLang: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pptx);
  const core = zip.file('docProps/core.xml');
  if (!core) throw new Error('the PowerPoint file has no docProps/core.xml');
  const coreXml = await core.async('string');
  zip.file(
    'docProps/core.xml',
    coreXml.replace(
      '</cp:coreProperties>',
      `<dc:language>${escapeHtml(lang)}</dc:language></cp:coreProperties>`,
    ),
  );
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/\blang="en-US"/g, `lang="${escapeHtml(notesLang)}"`));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function writePptx(
  shots: readonly Shot[],
  deck: PptxDeck,
  outDir: string,
  fileName: string,
): Promise<Written> {
  const pptx = buildPresentation(shots, deck);
  const written = await pptx.write({ outputType: 'uint8array' });
  if (!(written instanceof Uint8Array)) throw new Error('pptxgenjs did not return bytes');
  const bytes = await withLanguages(written, deck.lang, deck.notesLang);
  const file = join(outDir, fileName);
  await writeFileAtomic(file, bytes);
  return { file, count: shots.length, bytes: bytes.byteLength };
}
