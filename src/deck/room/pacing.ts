/** The remote's clock and pacing: pure, so tests need no deck. */

/** m:ss for a number of seconds. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Pacing against the talk's total time, spread evenly over the slides: positive when ahead.
 * @param index the current slide's position (0-based); `count` slides in all.
 */
export function pacingSeconds(elapsed: number, index: number, count: number, totalTime: number): number {
  if (count <= 0 || totalTime <= 0) return 0;
  return (totalTime * index) / count - elapsed;
}
