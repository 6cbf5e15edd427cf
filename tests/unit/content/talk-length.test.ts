import { describe, expect, it } from 'vitest';
import { speechSeconds } from '../../../src/node/prose-metrics';
import { deckSlides } from './deck-text';

/**
 * The talk runs 24–26 minutes in each language, measured from the speaker notes at 140 English words or
 * 240 Chinese characters a minute, and the speaker view's pacing (`data-timing`) follows the notes.
 */
describe.each(['en', 'zh'] as const)('the %s talk', (lng) => {
  const slides = deckSlides(lng);
  const seconds = slides.map((s) => speechSeconds(s.notes, lng));
  const minutes = seconds.reduce((a, b) => a + b, 0) / 60;

  it('lasts 24–26 minutes when the notes are read aloud', () => {
    expect(minutes).toBeGreaterThanOrEqual(24);
    expect(minutes).toBeLessThanOrEqual(26);
  });

  it("gives every slide a data-timing within 20 s (or 25 %) of its notes' length", () => {
    const off = slides
      .map((s, i) => ({ id: s.id, timing: Number(s.attrs['data-timing']), said: Math.round(seconds[i]!) }))
      .filter(({ timing, said }) => !(Math.abs(timing - said) <= Math.max(20, said * 0.25)));
    expect(off).toEqual([]);
  });
});
