// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { LanguageListener } from '../../../src/deck/language';
import { createLanguageToggle } from '../../../src/deck/toggle';
import { createI18n } from '../../../src/i18n';
import { allStrings } from '../../../src/i18n/strings';
import type { Lng } from '../../../src/shared/languages';

/** A language controller stand-in: set() changes the language and emits, as the real one does. */
function fakeLanguage(initial: Lng) {
  const listeners = new Set<LanguageListener>();
  const language = {
    current: initial,
    get target() {
      return language.current;
    },
    set(lng: Lng, { announce = true } = {}) {
      language.current = lng;
      for (const listener of listeners) listener({ lng, notesLng: lng, kind: 'deck', announce });
      return Promise.resolve();
    },
    subscribe(listener: LanguageListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { language, listeners };
}

describe('the language toggle', () => {
  it('shows the current language, switches through the controller, and follows its event', () => {
    document.body.innerHTML = '<div class="deck-ui"></div>';
    const host = document.querySelector<HTMLElement>('.deck-ui')!;
    const i18n = createI18n('en', allStrings);
    const { language } = fakeLanguage('en');
    const toggle = createLanguageToggle(host, i18n, language);
    const status = host.querySelector('[role="status"]');
    expect(toggle.element.dataset.lng).toBe('en');
    expect(toggle.element.querySelector('.is-current')?.textContent).toBe('EN');
    expect(status?.textContent).toBe('');

    toggle.element.click();
    expect(language.current).toBe('zh');
    expect(toggle.element.dataset.lng).toBe('zh');
    expect(toggle.element.lang).toBe('zh-CN');
    expect(toggle.element.querySelector('.is-current')?.textContent).toBe('中文');
    expect(status?.textContent).not.toBe('');

    // A switch from elsewhere (the speaker view's preview) is followed but not announced.
    status!.textContent = '';
    language.set('en', { announce: false });
    expect(toggle.element.dataset.lng).toBe('en');
    expect(status?.textContent).toBe('');
  });

  it('leaves nothing behind when destroyed', () => {
    document.body.innerHTML = '<div class="deck-ui"></div>';
    const host = document.querySelector<HTMLElement>('.deck-ui')!;
    const { language, listeners } = fakeLanguage('zh');
    const toggle = createLanguageToggle(host, createI18n('zh', allStrings), language);
    expect(listeners.size).toBe(1);
    toggle.destroy();
    expect(listeners.size).toBe(0);
    expect(host.children).toHaveLength(0);
  });
});
