import { describe, expect, it } from 'vitest';
import { clock, pacingSeconds } from '../../../../src/deck/room/pacing';

describe('the remote timer', () => {
  it('writes m:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(61.4)).toBe('1:01');
    expect(clock(-3)).toBe('0:00');
  });

  it('paces against the total time spread over the slides', () => {
    // 10 slides in 1000 s: slide 5 is due at 500 s.
    expect(pacingSeconds(400, 5, 10, 1000)).toBe(100); // ahead
    expect(pacingSeconds(600, 5, 10, 1000)).toBe(-100); // behind
    expect(pacingSeconds(600, 5, 0, 1000)).toBe(0);
  });
});
