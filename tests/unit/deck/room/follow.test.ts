import { describe, expect, it } from 'vitest';
import { acceptState, indexOfView, modeAfterMove, viewMatches } from '../../../../src/deck/room/follow';
import type { View } from '../../../../src/shared/room';

const live: View = { slide: 'funding', h: 7, v: 0, f: 1, paused: false, overview: false };

describe('following the room', () => {
  it('takes newer states, and the first one after connecting whatever its number', () => {
    expect(acceptState(4, false, { seq: 5, view: live })).toBe(true);
    expect(acceptState(5, false, { seq: 5, view: live })).toBe(false);
    expect(acceptState(9, false, { seq: 2, view: live })).toBe(false);
    expect(acceptState(9, true, { seq: 1, view: live })).toBe(true);
    expect(acceptState(0, true, null)).toBe(false);
  });

  it('compares the step on slides, only the slide in the reading view', () => {
    expect(viewMatches({ ...live }, live, false)).toBe(true);
    expect(viewMatches({ ...live, f: 0 }, live, false)).toBe(false);
    expect(viewMatches({ ...live, f: 0 }, live, true)).toBe(true);
    expect(viewMatches({ ...live, h: 8 }, live, true)).toBe(false);
  });

  it('goes to reading on the reader’s own move, not while a live view is landing', () => {
    expect(modeAfterMove('live', false, false)).toBe('reading');
    expect(modeAfterMove('live', false, true)).toBe('live');
    expect(modeAfterMove('reading', true, false)).toBe('live');
    expect(modeAfterMove('reading', false, true)).toBe('reading');
  });

  it('finds the slide by id, falling back to the index', () => {
    expect(indexOfView(live, ['title', 'funding'])).toBe(1);
    expect(indexOfView(live, ['title'])).toBe(7);
    expect(indexOfView({ ...live, slide: undefined }, ['funding'])).toBe(7);
  });
});
