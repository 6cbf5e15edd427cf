import { type BaseType, easeCubicInOut, easeLinear, interrupt, type Selection } from 'd3';
import { STEP_TRANSITION } from './transition';

/**
 * Step timing shared by the maps. Every mark knows the step it belongs to and when, inside that step's
 * animation, it starts and how long it runs. Going forward, steps play one after another; going back,
 * the same timeline plays mirrored at double speed, so legs undraw last-first.
 */

export interface Timed {
  /** The step at which the mark appears; Infinity for marks that come and go (they just fade). */
  step: number;
  /** ms from the start of its step's animation. */
  start: number;
  dur: number;
}

export interface Timing {
  delay: number;
  duration: number;
}

const backSpeed = 0.5;
/** Marks outside the played steps (e.g. half-drawn when a newer step interrupted them) settle this fast. */
const settleMs = 250;

export function makeSchedule(items: readonly Timed[], from: number, to: number): (item: Timed) => Timing {
  const blocks = new Map<number, number>();
  for (const item of items) {
    if (Number.isFinite(item.step)) {
      blocks.set(item.step, Math.max(blocks.get(item.step) ?? 0, item.start + item.dur));
    }
  }
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const offset = (step: number): number => {
    let sum = 0;
    for (const [s, length] of blocks) if (s > lo && s < step) sum += length;
    return sum;
  };
  const total = offset(hi + 1);
  return (item) => {
    if (!(item.step > lo && item.step <= hi)) return { delay: 0, duration: settleMs };
    const forward = offset(item.step) + item.start;
    if (to > from) return { delay: forward, duration: item.dur };
    return { delay: (total - forward - item.dur) * backSpeed, duration: item.dur * backSpeed };
  };
}

/**
 * Moves each element's attribute to its value at the new step: with the named 'step' transition when
 * animating (interrupting any older one), else at once, leaving no timers behind. Unlike the shared
 * stepTransition, every element gets its own delay and duration, so legs can chain at constant speed.
 */
export function moveTo<E extends BaseType, D extends Timed, P extends BaseType>(
  sel: Selection<E, D, P, unknown>,
  attr: string,
  target: (d: D) => number,
  timing: ((d: D) => Timing) | null,
  ends: Promise<void>[],
  linear = false,
): void {
  // interrupt() imported by name: d3 is side-effect free for bundlers, so a chart that only calls
  // selection.transition() could lose d3-transition's prototype patch in a production build.
  sel.each(function stop() {
    interrupt(this, STEP_TRANSITION);
  });
  if (!timing) {
    sel.attr(attr, target);
    return;
  }
  const transition = sel
    .transition(STEP_TRANSITION)
    .delay((d) => timing(d).delay)
    .duration((d) => timing(d).duration)
    .ease(linear ? easeLinear : easeCubicInOut)
    .attr(attr, target);
  // end() rejects when a newer step interrupts: that is not an error for the caller.
  ends.push(transition.end().catch(() => undefined));
}

export function settled(ends: readonly Promise<void>[]): Promise<void> {
  return Promise.all(ends).then(() => undefined);
}
