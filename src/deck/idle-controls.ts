/**
 * The deck's controls step out of the way while nobody reaches for them. On a stage the bar (Read, Contents,
 * EN | 中文) would otherwise sit on every projected slide: after `delay` ms without the mouse moving, the bar is
 * marked idle, and ui.css fades it out (only for a fine pointer that can bring it back by moving; never on a
 * touch screen). Moving the mouse, pressing a button, or tabbing into the bar shows it again. Keys that drive
 * the slides (arrows, space) do not: a speaker's clicker leaves the slides clean.
 *
 * It waits like reveal's own cursor hiding (hideInactiveCursor / hideCursorTime), so bar and cursor go together.
 */
export interface IdleControlsOptions {
  /** ms without pointer movement before the bar is marked idle. */
  delay: number;
  /** Whether the bar may hide now (not in the reading view, the phone layout or the live room, for example). */
  mayHide: () => boolean;
}

export interface IdleControls {
  /** Stops listening and leaves the bar shown. */
  destroy(): void;
}

/** The attribute ui.css hides the bar by; set on the bar itself. */
export const idleAttribute = 'data-idle';

export function createIdleControls(bar: HTMLElement, options: IdleControlsOptions): IdleControls {
  const view = bar.ownerDocument.defaultView ?? window;
  let timer: number | undefined;

  // A person is using the bar: it holds focus, or one of its panels (Contents) is open.
  const inUse = (): boolean =>
    bar.contains(bar.ownerDocument.activeElement) || bar.querySelector('[aria-expanded="true"]') !== null;

  const sleep = (): void => {
    timer = undefined;
    if (inUse() || !options.mayHide()) {
      schedule();
      return;
    }
    bar.setAttribute(idleAttribute, '');
  };

  const schedule = (): void => {
    if (timer !== undefined) view.clearTimeout(timer);
    timer = view.setTimeout(sleep, options.delay);
  };

  // Shows the bar and waits the full delay again.
  const wake = (): void => {
    bar.removeAttribute(idleAttribute);
    schedule();
  };

  // A pointer that moves or presses (the mouse, a pen, or a finger on a touch screen beside a mouse), or focus
  // coming into the bar.
  view.addEventListener('pointermove', wake, { passive: true });
  view.addEventListener('pointerdown', wake, { passive: true });
  bar.addEventListener('focusin', wake);
  schedule();

  return {
    destroy() {
      if (timer !== undefined) view.clearTimeout(timer);
      view.removeEventListener('pointermove', wake);
      view.removeEventListener('pointerdown', wake);
      bar.removeEventListener('focusin', wake);
      bar.removeAttribute(idleAttribute);
    },
  };
}
