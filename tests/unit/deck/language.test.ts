// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLanguageController,
  type LanguageChange,
  nearestFirst,
  type SlideSource,
  type SwitchableDeck,
} from '../../../src/deck/language';
import { mountSlides } from '../../../src/deck/slides';
import { createI18n } from '../../../src/i18n';
import { allStrings } from '../../../src/i18n/strings';
import type { Deck, RenderedSlide } from '../../../src/shared/deck';
import type { IdleBudget } from '../../../src/shared/idle';
import type { Lng } from '../../../src/shared/languages';

const slide = (id: string, title: string, notes: string): RenderedSlide => ({
  id,
  file: `slides/x/${id}.md`,
  line: 1,
  attrs: {},
  html: `<h2>${title}</h2><p class="fragment">${title} 1</p><p class="fragment">${title} 2</p>`,
  notes: `<p>${notes}</p>`,
  fragments: 2,
  charts: [],
});

const content: Deck = {
  en: [
    slide('a', 'Voyages', 'We open with the fleet'),
    slide('b', 'Prices', 'We talk prices'),
    slide('c', 'Routes', 'We end on the routes'),
  ],
  zh: [
    slide('a', '远航', '我们从船队讲起'),
    slide('b', '价格', '我们谈价格'),
    slide('c', '航线', '我们以航线收尾'),
  ],
};

type State = ReturnType<SwitchableDeck['getState']>;

/** A reveal stand-in that records what the controller asks of it. */
function fakeDeck(container: HTMLElement) {
  let state: State = { indexh: 1, indexv: 0, indexf: 0, paused: false, overview: false };
  const calls: string[] = [];
  const handlers = new Map<string, Set<(event: Event) => void>>();
  const deck: SwitchableDeck = {
    on: (type: string, listener: (event: Event) => void) => {
      handlers.set(type, (handlers.get(type) ?? new Set()).add(listener));
    },
    off: (type: string, listener: (event: Event) => void) => {
      handlers.get(type)?.delete(listener);
    },
    getState: () => ({ ...state }),
    setState: (next) => {
      calls.push('setState');
      state = { ...next };
    },
    isScrollView: () => false,
    sync: () => {
      calls.push('sync');
    },
    syncFragments: () => {
      calls.push('syncFragments');
      return [];
    },
    getCurrentSlide: () => container.querySelectorAll<HTMLElement>('section')[state.indexh ?? 0] ?? container,
    dispatchEvent: ({ type }) => {
      calls.push(`event:${type}`);
      return new Event(type);
    },
  };
  /** Goes to slide `index` as reveal does: the state changes, then `slidechanged` fires. */
  const go = (index: number) => {
    state = { ...state, indexh: index, indexf: 0 };
    for (const listener of handlers.get('slidechanged') ?? []) listener(new Event('slidechanged'));
  };
  const fire = (type: string) => {
    for (const listener of handlers.get(type) ?? []) listener(new Event(type));
  };
  return { deck, calls, state: () => state, go, fire, handlers };
}

/**
 * Frames and idle periods run by hand: `drawFrames` draws the frames a switch waits for; each call to `run`
 * gives the queued idle work a budget of `ms`; `runLater` runs what a switch left for after its frames (the URL).
 */
function manualIdle() {
  const queue: ((deadline: IdleBudget) => void)[] = [];
  const frames: (() => void)[] = [];
  const later: (() => void)[] = [];
  return {
    whenIdle: (work: (deadline: IdleBudget) => void) => queue.push(work),
    afterSwitchFrames: (work: () => void) => frames.push(work),
    afterSwitchIdle: (work: () => void) => later.push(work),
    drawFrames() {
      for (const work of frames.splice(0)) work();
    },
    runLater() {
      for (const work of later.splice(0)) work();
    },
    pending: () => queue.length,
    run(ms: number) {
      const work = queue.shift();
      let left = ms;
      // Each swap "costs" 2 ms of the budget.
      work?.({
        timeRemaining: () => {
          const now = left;
          left -= 2;
          return now;
        },
      });
    },
  };
}

/** The deck's content, every language loaded (or only `loaded`, the others on request through `load`). */
function source(loaded: readonly Lng[] = ['en', 'zh'], load?: SlideSource['load']): SlideSource {
  const have = new Set(loaded);
  return {
    get: (lng) => (have.has(lng) ? content[lng] : undefined),
    load:
      load ??
      ((lng) => {
        have.add(lng);
        return Promise.resolve(content[lng]);
      }),
  };
}

function setup(notesChoice: 'en' | 'zh' | null = null, slides: SlideSource = source()) {
  document.body.innerHTML = '<div class="slides"></div>';
  const container = document.querySelector<HTMLElement>('.slides')!;
  mountSlides(container, content.en, 'en', {
    lng: notesChoice ?? 'en',
    slides: content[notesChoice ?? 'en'],
  });
  const fake = fakeDeck(container);
  const i18n = createI18n('en', allStrings);
  const idle = manualIdle();
  const language = createLanguageController(
    {
      deck: fake.deck,
      i18n,
      slides,
      container,
      reducedMotion: () => false,
      notesChoice,
      whenIdle: idle.whenIdle,
      afterSwitchFrames: idle.afterSwitchFrames,
      afterSwitchIdle: idle.afterSwitchIdle,
    },
    'en',
  );
  return { container, fake, i18n, language, idle };
}

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('nearestFirst', () => {
  it('orders by distance from the slide on screen, ahead before behind, and keeps the order when it is unknown', () => {
    const items = [0, 1, 2, 3, 4, 5, 6];
    expect(nearestFirst(items, (i) => i, 3)).toEqual([3, 4, 2, 5, 1, 6, 0]);
    expect(nearestFirst(items, (i) => i, 0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(nearestFirst([6, 0, 5], (i) => i, 6)).toEqual([6, 5, 0]);
    expect(nearestFirst([2, 0, 1], (i) => i, -1)).toEqual([2, 0, 1]);
  });
});

describe('the language controller', () => {
  it('switches in one operation and then emits one event, with the new slides already mounted', () => {
    const { container, fake, i18n, idle, language } = setup();
    const seen: { change: LanguageChange; title: string | null; lang: string }[] = [];
    language.subscribe((change) =>
      seen.push({
        change,
        title: container.querySelector('section#b h2')?.textContent ?? null,
        lang: document.documentElement.lang,
      }),
    );
    language.set('zh');
    expect(seen).toEqual([
      { change: { lng: 'zh', notesLng: 'zh', kind: 'deck', announce: true }, title: '价格', lang: 'zh-CN' },
    ]);
    expect(language.current).toBe('zh');
    expect(i18n.language).toBe('zh');
    expect(localStorage.getItem('chuhai.lng')).toBe('zh');
    // Only the slide on screen has its fragments re-read; the speaker view is nudged to re-read the notes.
    expect(fake.calls).toEqual(['syncFragments', 'event:resumed']);
    expect(fake.state()).toMatchObject({ indexh: 1, indexf: 0 });
    // The slides off screen follow when the browser is idle.
    language.flush();
    expect(container.querySelector('section#a aside.notes')?.textContent).toBe('我们从船队讲起');
    // The URL follows once the switch's frames are drawn and the browser is idle, with the language it then has.
    const urlLng = () => new URL(window.location.href).searchParams.get('lng');
    expect(urlLng()).toBeNull();
    language.set('en');
    language.set('zh');
    idle.runLater();
    expect(urlLng()).toBe('zh');
  });

  it('swaps the slide on screen at once, and the others when idle or as they come up', () => {
    const { container, fake, idle, language } = setup();
    const title = (id: string) => container.querySelector(`section#${id} h2`)?.textContent;
    container.querySelector('section#b .fragment')?.classList.add('visible');
    language.set('zh');
    expect([title('a'), title('b'), title('c')]).toEqual(['Voyages', '价格', 'Routes']);
    // The fragment shown before the switch is still shown.
    expect(container.querySelector('section#b .fragment')?.classList.contains('visible')).toBe(true);
    expect(container.querySelector('section#a')?.getAttribute('lang')).toBe('en');
    // A slide that comes up before the browser is idle is swapped before it is drawn.
    fake.go(2);
    expect(title('c')).toBe('航线');
    // Nothing is swapped in the idle time between the switch's frames, where the new text is rastered.
    expect(idle.pending()).toBe(0);
    idle.drawFrames();
    // An idle period with room for one swap, then the rest.
    expect(idle.pending()).toBe(1);
    idle.run(4);
    idle.run(50);
    expect(title('a')).toBe('远航');
    expect(container.querySelector('section#a')?.getAttribute('lang')).toBe('zh-CN');
    expect(idle.pending()).toBe(0);
  });

  it('brings the slides nearest the one on screen into the language first, the next one before the previous', () => {
    const { container, idle, language } = setup();
    const title = (id: string) => container.querySelector(`section#${id} h2`)?.textContent;
    // On slide b: a (before it) and c (after it) are stale, one swap's room in the first idle period.
    language.set('zh');
    idle.drawFrames();
    idle.run(4);
    expect([title('a'), title('c')]).toEqual(['Voyages', '航线']);
    // Room to spare (the swap just measured, on this machine's clock, sets what the next one needs).
    idle.run(50);
    expect(title('a')).toBe('远航');
  });

  it('starts no swap an idle period has too little left for, judged by what the last swaps cost', () => {
    const { container, idle, language } = setup();
    const title = (id: string) => container.querySelector(`section#${id} h2`)?.textContent;
    // The page's clock moves 6 ms between any two readings: a swap takes (at least) 6 ms.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => {
      now += 6;
      return now;
    });
    try {
      language.set('zh');
      idle.drawFrames();
      // 9 ms: the first swap starts (nothing measured yet); the 7 ms then left is not enough for another 6 ms.
      idle.run(9);
      expect([title('a'), title('c')]).toEqual(['Voyages', '航线']);
      expect(idle.pending()).toBe(1);
      idle.run(100);
      expect(title('a')).toBe('远航');
    } finally {
      clock.mockRestore();
    }
  });

  it("holds swaps queued before a slide change or another switch until that change's frames are drawn", () => {
    const { container, fake, idle, language } = setup();
    const title = (id: string) => container.querySelector(`section#${id} h2`)?.textContent;
    language.set('zh');
    idle.drawFrames();
    expect(idle.pending()).toBe(1);
    // The reader moves to slide a before the browser is idle: a is swapped at once; the queued swap of c then
    // comes in the idle time between the slide change's frames, and must not run there.
    fake.go(0);
    expect(title('a')).toBe('远航');
    idle.run(50);
    expect(title('c')).toBe('Routes');
    expect(idle.pending()).toBe(0);
    // Once the frames are drawn, the swaps go on.
    idle.drawFrames();
    expect(idle.pending()).toBe(1);
    // A switch back on slide a, with that swap queued again: b, still in Chinese, waits for the new switch's
    // frames too.
    language.set('en');
    idle.run(50);
    expect([title('a'), title('b'), title('c')]).toEqual(['Voyages', '价格', 'Routes']);
    idle.drawFrames();
    idle.run(50);
    expect(container.querySelector('section#b')?.getAttribute('lang')).toBe('en');
    expect(idle.pending()).toBe(0);
  });

  it('parses the slide on screen in the other language ahead, so a switch parses nothing', () => {
    const { container, fake, idle, language } = setup();
    const title = (id: string) => container.querySelector(`section#${id} h2`)?.textContent;
    const templates = vi.spyOn(document, 'createElement');
    const parses = () => templates.mock.calls.filter(([tag]) => tag === 'template').length;
    try {
      // The page asks once the other language has arrived; the work waits for an idle period.
      language.prepareAhead();
      expect(parses()).toBe(0);
      idle.runLater();
      expect(parses()).toBe(1);
      language.set('zh');
      expect(parses()).toBe(1);
      expect(title('b')).toBe('价格');
      expect(container.querySelector('section#b aside.notes')?.textContent).toBe('我们谈价格');
      // After the switch, the same slide in the language just left; after a slide change, the new slide.
      idle.runLater();
      expect(parses()).toBe(2);
      // (c, still in English, is brought into Chinese as it comes up: a parse of its own.)
      fake.go(2);
      expect(parses()).toBe(3);
      idle.runLater();
      expect(parses()).toBe(4);
      language.set('en');
      expect(parses()).toBe(4);
      expect(title('c')).toBe('Routes');
      // A slide change since the slide was parsed ahead, and no idle period yet: the switch parses it itself.
      idle.runLater();
      fake.go(0);
      const before = parses();
      language.set('zh');
      expect(title('a')).toBe('远航');
      expect(parses()).toBe(before + 1);
    } finally {
      templates.mockRestore();
    }
  });

  it('brings every slide into the language for the overview', () => {
    const { container, fake, language } = setup();
    language.set('zh');
    fake.fire('overviewshown');
    expect(Array.from(container.querySelectorAll('section h2'), (h) => h.textContent)).toEqual([
      '远航',
      '价格',
      '航线',
    ]);
  });

  it('loads a language it does not have before switching, and the last language asked for wins', async () => {
    const requested: Lng[] = [];
    let release: () => void = () => {};
    const slides = source(['en'], (lng) => {
      requested.push(lng);
      return new Promise((resolve) => {
        release = () => resolve(content[lng]);
      });
    });
    const { container, language } = setup(null, slides);
    const listener = vi.fn();
    language.subscribe(listener);
    const switching = language.set('zh');
    expect(language.current).toBe('en');
    // Asked for, still loading: a toggle flips from here.
    expect(language.target).toBe('zh');
    // Asked back to English while Chinese is on its way: nothing changes when it arrives.
    await language.set('en');
    release();
    await switching;
    expect(requested).toEqual(['zh']);
    expect(language.current).toBe('en');
    expect(listener).not.toHaveBeenCalled();
    expect(container.querySelector('section#b h2')?.textContent).toBe('Prices');
  });

  it('switches once a language it had to load arrives', async () => {
    // English only; Chinese is added to what it has when asked for.
    const { container, language } = setup(null, source(['en']));
    await language.set('zh');
    expect(language.current).toBe('zh');
    expect(container.querySelector('section#b h2')?.textContent).toBe('价格');
  });

  it('stays in its language, and says so, when another cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container, language } = setup(
      null,
      source(['en'], () => Promise.reject(new Error('offline'))),
    );
    await language.set('zh');
    expect(language.current).toBe('en');
    expect(container.querySelector('section#b h2')?.textContent).toBe('Prices');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"zh" could not load'), expect.any(Error));
    warn.mockRestore();
  });

  it('tells subscribers in the order they subscribed, and one failing does not stop the rest', () => {
    const { language } = setup();
    const order: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    language.subscribe(() => order.push('charts'));
    language.subscribe(() => {
      throw new Error('broken part');
    });
    language.subscribe(() => order.push('toggle'));
    language.set('zh');
    expect(order).toEqual(['charts', 'toggle']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('does nothing for the language already shown, and forgets nothing it was told not to save', () => {
    const { fake, language } = setup();
    const listener = vi.fn();
    language.subscribe(listener);
    language.set('en');
    expect(listener).not.toHaveBeenCalled();
    expect(fake.calls).toEqual([]);
    language.set('zh', { announce: false, remember: false });
    expect(listener).toHaveBeenCalledWith({ lng: 'zh', notesLng: 'zh', kind: 'deck', announce: false });
    expect(localStorage.getItem('chuhai.lng')).toBeNull();
  });

  it("keeps the presenter's notes language across a deck switch, and changes only the notes when asked", () => {
    const { container, language } = setup('en');
    language.set('zh');
    language.flush();
    expect(container.querySelector('section#a h2')?.textContent).toBe('远航');
    expect(container.querySelector('section#a aside.notes')?.textContent).toBe('We open with the fleet');
    const listener = vi.fn();
    language.subscribe(listener);
    language.setNotesLng('zh');
    expect(listener).toHaveBeenCalledWith({ lng: 'zh', notesLng: 'zh', kind: 'notes', announce: false });
    expect(container.querySelector('section#a aside.notes')?.textContent).toBe('我们从船队讲起');
    expect(localStorage.getItem('chuhai.notesLng')).toBe('zh');
    expect(language.current).toBe('zh');
  });

  it('stops telling a subscriber once it unsubscribes, and everyone after destroy', () => {
    const { fake, language } = setup();
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribe = language.subscribe(first);
    language.subscribe(second);
    unsubscribe();
    language.set('zh');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    language.destroy();
    language.set('en');
    expect(second).toHaveBeenCalledOnce();
    expect(fake.handlers.get('slidechanged')?.size).toBe(0);
  });
});
