import { describe, expect, it } from 'vitest';
import { addQrCodes, deckAddress, qrSvg } from '../../../src/node/qr';
import type { Deck, RenderedSlide } from '../../../src/shared/deck';

const slide = (id: string, attrs: Record<string, string> = {}): RenderedSlide => ({
  id,
  file: `slides/en/${id}.md`,
  line: 1,
  attrs,
  html: '<h1>x</h1>',
  notes: '',
  fragments: 0,
  charts: [],
});

describe('QR codes', () => {
  it('encodes the deck address in each language', () => {
    expect(deckAddress('https://deck.example.org/chuhai/', 'zh')).toBe(
      'https://deck.example.org/chuhai/?lng=zh',
    );
    expect(deckAddress('https://deck.example.org/?lng=en', 'zh')).toBe('https://deck.example.org/?lng=zh');
  });

  it('draws an SVG with paths only, no inline style (the CSP forbids them)', async () => {
    const svg = await qrSvg('https://deck.example.org/?lng=en');
    expect(svg).toMatch(
      /^<svg role="img" aria-hidden="true" focusable="false" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/,
    );
    expect(svg).not.toContain('style=');
  });

  it('adds the code to the slides marked data-qr only, with the caption and address of their language', async () => {
    const deck: Deck = {
      en: [slide('title', { 'data-qr': 'deck' }), slide('middle')],
      zh: [slide('title', { 'data-qr': 'deck' }), slide('middle')],
    };
    const out = await addQrCodes(deck, 'https://deck.example.org/', { en: 'Read along', zh: '同步阅读' });
    expect(out.en[0]!.html).toContain(
      '<figcaption>Read along<br><a href="https://deck.example.org/?lng=en">deck.example.org/?lng=en</a></figcaption>',
    );
    expect(out.zh[0]!.html).toContain('同步阅读');
    expect(out.zh[0]!.html).toContain('?lng=zh');
    expect(out.en[1]!.html).toBe('<h1>x</h1>');
  });
});
