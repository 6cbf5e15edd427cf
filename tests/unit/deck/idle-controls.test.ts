// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleControls, type IdleControls, idleAttribute } from '../../../src/deck/idle-controls';

describe('createIdleControls', () => {
  let bar: HTMLElement;
  let button: HTMLButtonElement;
  let controls: IdleControls | undefined;
  let mayHide = true;

  beforeEach(() => {
    vi.useFakeTimers();
    mayHide = true;
    document.body.innerHTML =
      '<div class="deck-ui"><button type="button">Read</button></div><p tabindex="0">x</p>';
    bar = document.querySelector('.deck-ui')!;
    button = bar.querySelector('button')!;
    controls = createIdleControls(bar, { delay: 5000, mayHide: () => mayHide });
  });

  afterEach(() => {
    controls?.destroy();
    vi.useRealTimers();
  });

  const idle = () => bar.hasAttribute(idleAttribute);
  const move = () => window.dispatchEvent(new Event('pointermove'));

  it('marks the bar idle once the pointer has rested for the delay, not before', () => {
    vi.advanceTimersByTime(4999);
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(idle()).toBe(true);
  });

  it('wakes on pointer movement and on a press, and waits the full delay again', () => {
    vi.advanceTimersByTime(5000);
    move();
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(3000);
    move();
    vi.advanceTimersByTime(3000);
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(2000);
    expect(idle()).toBe(true);
    window.dispatchEvent(new Event('pointerdown'));
    expect(idle()).toBe(false);
  });

  it('keys that drive the slides do not wake it', () => {
    vi.advanceTimersByTime(5000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    expect(idle()).toBe(true);
  });

  it('stays while focus is in the bar, and hides a delay after focus leaves', () => {
    button.focus();
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(20_000);
    expect(idle()).toBe(false);
    document.querySelector<HTMLElement>('p')!.focus();
    vi.advanceTimersByTime(5000);
    expect(idle()).toBe(true);
    // Tabbing back in shows it at once.
    button.focus();
    expect(idle()).toBe(false);
  });

  it('stays while one of its panels is open', () => {
    button.setAttribute('aria-expanded', 'true');
    vi.advanceTimersByTime(12_000);
    expect(idle()).toBe(false);
    button.setAttribute('aria-expanded', 'false');
    vi.advanceTimersByTime(5000);
    expect(idle()).toBe(true);
  });

  it('stays while the deck says it may not hide (the reading view, the phone)', () => {
    mayHide = false;
    vi.advanceTimersByTime(15_000);
    expect(idle()).toBe(false);
    mayHide = true;
    vi.advanceTimersByTime(5000);
    expect(idle()).toBe(true);
  });

  it('destroy shows the bar and stops listening', () => {
    vi.advanceTimersByTime(5000);
    controls?.destroy();
    controls = undefined;
    expect(idle()).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(idle()).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
