import { type BaseType, easeCubicInOut, type Selection } from 'd3';
import { stepDuration } from './tokens';

/** The one transition name the charts use, so a newer step (or destroy) interrupts exactly these. */
export const STEP_TRANSITION = 'step';

export type StepValue<Datum> =
  | string
  | number
  | null
  | ((datum: Datum, index: number) => string | number | null);

/** What a step may set: the same calls on a selection (no animation) or on a transition. */
export interface StepTarget<Datum> {
  attr(name: string, value: StepValue<Datum>): StepTarget<Datum>;
  style(name: string, value: StepValue<Datum>): StepTarget<Datum>;
}

export interface StepTransitionOptions<Datum> {
  duration?: number;
  /** Per-element delay (a stagger), counted inside the duration budget by the caller. */
  delay?: (datum: Datum, index: number) => number;
}

const asStyle = (value: string | number | null): string | null => (value === null ? null : String(value));

/**
 * Moves `selection` to its state for a step. When animating, the attributes go through the named transition
 * 'step'; otherwise they are set at once (no timer, so print and reduced motion land synchronously).
 * Interrupts this selection's running step transition first. Call it once per selection per step (a second
 * call on the same elements interrupts the first). The promise resolves on end or interrupt; it never rejects.
 */
export function stepTransition<E extends BaseType, Datum, P extends BaseType, PDatum>(
  selection: Selection<E, Datum, P, PDatum>,
  animate: boolean,
  apply: (target: StepTarget<Datum>) => void,
  options: StepTransitionOptions<Datum> = {},
): Promise<void> {
  selection.interrupt(STEP_TRANSITION);
  if (!animate || selection.empty()) {
    const target: StepTarget<Datum> = {
      attr(name, value) {
        if (typeof value === 'function') selection.attr(name, (datum, index) => value(datum, index));
        else selection.attr(name, value);
        return target;
      },
      style(name, value) {
        if (typeof value === 'function')
          selection.style(name, (datum, index) => asStyle(value(datum, index)));
        else if (value === null) selection.style(name, null);
        else selection.style(name, String(value));
        return target;
      },
    };
    apply(target);
    return Promise.resolve();
  }
  const transition = selection
    .transition(STEP_TRANSITION)
    .duration(options.duration ?? stepDuration)
    .ease(easeCubicInOut);
  const { delay } = options;
  if (delay) transition.delay((datum, index) => delay(datum, index));
  const target: StepTarget<Datum> = {
    attr(name, value) {
      if (typeof value === 'function') transition.attr(name, (datum, index) => value(datum, index));
      else transition.attr(name, value);
      return target;
    },
    style(name, value) {
      if (typeof value === 'function') transition.style(name, (datum, index) => asStyle(value(datum, index)));
      else if (value === null) transition.style(name, null);
      else transition.style(name, String(value));
      return target;
    },
  };
  apply(target);
  // end() rejects when interrupted or cancelled; for a step that is a normal outcome, not an error.
  return transition.end().then(
    () => undefined,
    () => undefined,
  );
}

/** Stops every step transition under `root` (interrupt does not cascade to descendants by itself). */
export function interruptSteps<E extends BaseType, Datum, P extends BaseType, PDatum>(
  root: Selection<E, Datum, P, PDatum>,
): void {
  root.interrupt(STEP_TRANSITION).selectAll('*').interrupt(STEP_TRANSITION);
}

/** Steps are whole numbers in 0..max; a slide with extra fragments simply stays on the last state. */
export function clampStep(step: number, max: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(max, Math.floor(step)));
}
