/**
 * Work the deck defers until the browser is idle: the other language's pack, the slides a switch left in the
 * old language, the charts either side of the slide on screen, a chart's screen-reader table. One helper, so
 * each caller only says how long the work may wait.
 */

/** How long the idle period has left (IdleDeadline fits it). */
export interface IdleBudget {
  timeRemaining(): number;
}

export interface IdleOptions {
  /** The work runs by then even if the browser is never idle (ms; default 1000). */
  timeout?: number;
}

/** Without requestIdleCallback (Safari before it ships one): a timer this long (ms)… */
export const idleFallbackDelay = 50;
/** …and the idle period it pretends to give (ms). */
const fallbackBudget = 8;

/** Runs `work` when the browser is next idle, within `timeout`; returns a function that cancels it. */
export function whenBrowserIdle(work: (deadline: IdleBudget) => void, options: IdleOptions = {}): () => void {
  const timeout = options.timeout ?? 1000;
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(() => work({ timeRemaining: () => fallbackBudget }), idleFallbackDelay);
  return () => window.clearTimeout(id);
}

/**
 * Runs `work` once the browser has begun `frames` more frames: after a change's first frames are drawn, so idle
 * work does not take the CPU their raster needs. A hidden page gets no frames; its work waits until it is shown.
 */
export function afterFrames(frames: number, work: () => void): void {
  if (frames <= 0) work();
  else window.requestAnimationFrame(() => afterFrames(frames - 1, work));
}

/**
 * Runs `work` when the browser is idle once `frames` more frames have begun (see afterFrames: idle work that a
 * change queues would otherwise run while the change is rastered); returns a function that cancels it.
 */
export function whenIdleAfterFrames(
  frames: number,
  work: (deadline: IdleBudget) => void,
  options: IdleOptions = {},
): () => void {
  let cancelled = false;
  let cancelIdle: (() => void) | undefined;
  afterFrames(frames, () => {
    if (!cancelled) cancelIdle = whenBrowserIdle(work, options);
  });
  return () => {
    cancelled = true;
    cancelIdle?.();
  };
}
