// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLanguageController,
  type LanguageChange,
  type SwitchableDeck,
} from '../../../src/deck/language';
import { mountSlides } from '../../../src/deck/slides';
import { createI18n } from '../../../src/i18n';
import type { Deck, RenderedSlide } from '../../../src/shared/deck';

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
  en: [slide('a', 'Voyages', 'We open with the fleet'), slide('b', 'Prices', 'We talk prices')],
  zh: [slide('a', '远航', '我们从船队讲起'), slide('b', '价格', '我们谈价格')],
};

type State = ReturnType<SwitchableDeck['getState']>;

/** A reveal stand-in that records what the controller asks of it. */
function fakeDeck(container: HTMLElement) {
  let state: State = { indexh: 1, indexv: 0, indexf: 0, paused: false, overview: false };
  const calls: string[] = [];
  const deck: SwitchableDeck = {
    getState: () => ({ ...state }),
    setState: (next) => {
      calls.push('setState');
      state = { ...next };
    },
    isScrollView: () => false,
    sync: () => {
      calls.push('sync');
    },
    syncSlide: () => {
      calls.push('syncSlide');
    },
    getCurrentSlide: () => container.querySelectorAll<HTMLElement>('section')[state.indexh ?? 0] ?? container,
    dispatchEvent: ({ type }) => {
      calls.push(`event:${type}`);
      return new Event(type);
    },
  };
  return { deck, calls, state: () => state };
}

function setup(notesChoice: 'en' | 'zh' | null = null) {
  document.body.innerHTML = '<div class="slides"></div>';
  const container = document.querySelector<HTMLElement>('.slides')!;
  mountSlides(container, content.en, 'en', {
    lng: notesChoice ?? 'en',
    slides: content[notesChoice ?? 'en'],
  });
  const fake = fakeDeck(container);
  const i18n = createI18n('en');
  const language = createLanguageController(
    { deck: fake.deck, i18n, content: () => content, container, reducedMotion: () => false, notesChoice },
    'en',
  );
  return { container, fake, i18n, language };
}

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the language controller', () => {
  it('switches in one operation and then emits one event, with the new slides already mounted', () => {
    const { container, fake, i18n, language } = setup();
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
    expect(new URL(window.location.href).searchParams.get('lng')).toBe('zh');
    expect(localStorage.getItem('chuhai.lng')).toBe('zh');
    // Only the slide on screen is re-laid out; the speaker view is nudged to re-read the notes.
    expect(fake.calls).toEqual(['syncSlide', 'event:resumed']);
    expect(fake.state()).toMatchObject({ indexh: 1, indexf: 0 });
    expect(container.querySelector('section#a aside.notes')?.textContent).toBe('我们从船队讲起');
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
    const { language } = setup();
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
  });
});
