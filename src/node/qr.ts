import QRCode from 'qrcode';
import type { Deck } from '../shared/deck.ts';
import type { Lng } from '../shared/languages.ts';
import { escapeHtml } from './html.ts';

/** The deck's address for one language: the audience's phones open the deck in the language of the room. */
export function deckAddress(publicUrl: string, lng: Lng): string {
  const url = new URL(publicUrl);
  url.searchParams.set('lng', lng);
  return url.toString();
}

/** An SVG QR code in the theme's colours: plain paths, no inline styles (the CSP forbids them). */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
    color: { dark: '#0b1d33', light: '#f4efe6' },
  });
  return svg.replace('<svg ', '<svg role="img" aria-hidden="true" focusable="false" ');
}

/**
 * Adds a QR code of the deck's public address to every slide marked `data-qr` (the title and closing slides), so
 * the audience can read along on their phones. Generated at build time, offline; without an address, no code.
 */
export async function addQrCodes(
  deck: Deck,
  publicUrl: string,
  captions: Record<Lng, string>,
): Promise<Deck> {
  const out = {} as Deck;
  for (const lng of Object.keys(deck) as Lng[]) {
    const address = deckAddress(publicUrl, lng);
    const svg = await qrSvg(address);
    const figure = `<figure class="deck-qr">${svg}<figcaption>${escapeHtml(captions[lng])}<br><a href="${escapeHtml(address)}">${escapeHtml(address.replace(/^https?:\/\//, ''))}</a></figcaption></figure>`;
    out[lng] = deck[lng].map((slide) =>
      slide.attrs['data-qr'] === undefined ? slide : { ...slide, html: slide.html + figure },
    );
  }
  return out;
}
