// d3 declares itself free of side effects, so a bundler may drop the module that adds .transition() and
// .interrupt() to selections; importing d3-transition (which declares side effects) keeps it in every chunk.
import 'd3-transition';
import { type BaseType, easeCubicInOut, interpolate, type Selection } from 'd3';
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

/** The element's inline style value (what stepTransition set last), '' when it has none. */
function inlineStyle(node: BaseType, name: string): string | null {
  if (node === null || !('style' in node)) return null;
  return (node as Partial<ElementCSSInlineStyle>).style?.getPropertyValue(name) ?? null;
}

/** The element's attribute value, null when it has none (or the node is not an element). */
function attribute(node: BaseType, name: string): string | null {
  return node !== null && 'getAttribute' in node ? node.getAttribute(name) : null;
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
  // Each value is tweened from the element's current one with d3.interpolate, except CSS variables (theme
  // colours): d3 would tween the digits inside the fallback and produce invalid colours mid-way, so those
  // switch at the start of each element's transition (after its stagger delay).
  const tween = (value: StepValue<Datum>, read: (node: E) => string | null) =>
    function (this: E, datum: Datum, index: number): (t: number) => string {
      const resolved = typeof value === 'function' ? value(datum, index) : value;
      const end = resolved === null ? '' : String(resolved);
      const start = read(this);
      if (!start || start === end || `${start}${end}`.includes('var(')) return () => end;
      const between = interpolate(start, end);
      return (t) => String(between(t));
    };
  const target: StepTarget<Datum> = {
    attr(name, value) {
      transition.attrTween(
        name,
        tween(value, (node) => attribute(node, name)),
      );
      return target;
    },
    style(name, value) {
      transition.styleTween(
        name,
        tween(value, (node) => inlineStyle(node, name)),
      );
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
