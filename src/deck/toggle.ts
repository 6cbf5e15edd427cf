import type { i18n } from 'i18next';
import { type Lng, languages, otherLng } from '../shared/languages';
import type { LanguageController } from './language';

export interface LanguageToggle {
  element: HTMLButtonElement;
  destroy(): void;
}

/**
 * The language button, labelled in both scripts (EN | 中文) so that a person who reads only one of them can
 * find it. Its accessible name says the current language and what pressing it does; a polite live region
 * announces a change. It switches through the language controller and follows its event.
 */
export function createLanguageToggle(
  host: HTMLElement,
  i18n: i18n,
  language: Pick<LanguageController, 'current' | 'target' | 'set' | 'subscribe'>,
): LanguageToggle {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'deck-button lang-toggle';
  const parts = (['en', 'zh'] as const).map((lng) => {
    const span = document.createElement('span');
    span.lang = languages[lng].htmlLang;
    span.dataset.lng = lng;
    span.textContent = languages[lng].mark;
    return span;
  });
  const divider = document.createElement('span');
  divider.className = 'lang-toggle-divider';
  divider.setAttribute('aria-hidden', 'true');
  divider.textContent = '|';
  button.append(parts[0]!, divider, parts[1]!);

  const status = document.createElement('div');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  host.append(button, status);

  // From the language last asked for: clicks while the other language is still loading each flip it again.
  const onClick = () => language.set(otherLng(language.target));
  // Space and Enter act on the button only; without this reveal would also take Space as "next slide".
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === ' ' || event.key === 'Enter') event.stopPropagation();
  };
  button.addEventListener('click', onClick);
  button.addEventListener('keydown', onKeydown);

  const update = (lng: Lng, announce: boolean): void => {
    // The name starts with the visible text (EN 中文) so voice-control users can say what they see (WCAG 2.5.3).
    const visible = parts.map((part) => part.textContent).join(' ');
    button.setAttribute('aria-label', `${visible} – ${i18n.t('ui:language.toggle')}`);
    button.title = i18n.t('ui:language.shortcut');
    button.lang = languages[lng].htmlLang;
    button.dataset.lng = lng;
    for (const part of parts) part.classList.toggle('is-current', part.dataset.lng === lng);
    if (announce) status.textContent = i18n.t('ui:language.changed');
  };
  update(language.current, false);
  const unsubscribe = language.subscribe((change) => {
    if (change.kind === 'deck') update(change.lng, change.announce);
  });

  return {
    element: button,
    destroy() {
      unsubscribe();
      button.removeEventListener('click', onClick);
      button.removeEventListener('keydown', onKeydown);
      button.remove();
      status.remove();
    },
  };
}
