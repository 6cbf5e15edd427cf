// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleFallbackDelay, whenBrowserIdle } from '../../../src/shared/idle';

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
