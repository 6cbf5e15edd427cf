// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleFallbackDelay, whenBrowserIdle, whenIdleAfterFrames } from '../../../src/shared/idle';

describe('whenBrowserIdle', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks requestIdleCallback, with the timeout given (1 s by default), and cancels through cancelIdleCallback', () => {
    const asked: { timeout: number | undefined }[] = [];
    const cancelled: number[] = [];
    let next = 7;
    vi.stubGlobal('requestIdleCallback', (_work: IdleRequestCallback, options?: IdleRequestOptions) => {
      asked.push({ timeout: options?.timeout });
      return next++;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    const cancelFirst = whenBrowserIdle(() => undefined);
    whenBrowserIdle(() => undefined, { timeout: 2000 });
    expect(asked).toEqual([{ timeout: 1000 }, { timeout: 2000 }]);
    cancelFirst();
    expect(cancelled).toEqual([7]);
  });

  it('falls back to a short timer with a small budget where there is no idle callback, and can be cancelled', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const budgets: number[] = [];
    whenBrowserIdle((deadline) => budgets.push(deadline.timeRemaining()));
    const cancel = whenBrowserIdle(() => budgets.push(-1));
    cancel();
    vi.advanceTimersByTime(idleFallbackDelay - 1);
    expect(budgets).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(budgets).toHaveLength(1);
    expect(budgets[0]).toBeGreaterThan(0);
    vi.advanceTimersByTime(1000);
    expect(budgets).toHaveLength(1);
  });
});

describe('whenIdleAfterFrames', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** Frames and idle callbacks run by hand. */
  function handRun() {
    const frames: FrameRequestCallback[] = [];
    const idle = new Map<number, IdleRequestCallback>();
    let next = 1;
    vi.stubGlobal('requestAnimationFrame', (work: FrameRequestCallback) => frames.push(work));
    vi.stubGlobal('requestIdleCallback', (work: IdleRequestCallback) => {
      idle.set(next, work);
      return next++;
    });
    vi.stubGlobal('cancelIdleCallback', (id: number) => idle.delete(id));
    return {
      frame: () => {
        for (const work of frames.splice(0)) work(0);
      },
      idle: () => {
        const all = [...idle.values()];
        idle.clear();
        for (const work of all) work({ didTimeout: false, timeRemaining: () => 10 });
      },
      queuedIdle: () => idle.size,
    };
  }

  it('asks for the idle period only once the frames have begun, and runs the work in it', () => {
    const browser = handRun();
    const ran: number[] = [];
    whenIdleAfterFrames(2, (deadline) => ran.push(deadline.timeRemaining()));
    browser.idle();
    browser.frame();
    browser.idle();
    // An idle period between the two frames does not run it.
    expect(ran).toEqual([]);
    expect(browser.queuedIdle()).toBe(0);
    browser.frame();
    expect(browser.queuedIdle()).toBe(1);
    browser.idle();
    expect(ran).toEqual([10]);
  });

  it('cancels before the frames and after them', () => {
    const browser = handRun();
    const ran: string[] = [];
    const early = whenIdleAfterFrames(1, () => ran.push('early'));
    early();
    const late = whenIdleAfterFrames(1, () => ran.push('late'));
    browser.frame();
    expect(browser.queuedIdle()).toBe(1);
    late();
    expect(browser.queuedIdle()).toBe(0);
    browser.frame();
    browser.idle();
    expect(ran).toEqual([]);
  });
});
