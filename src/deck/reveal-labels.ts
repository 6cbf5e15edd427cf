import type { i18n, TFunction } from 'i18next';
import type { LanguageSignal } from './language';

/**
 * reveal.js 6 writes its own interface text in English only: the arrows'
 * aria-labels, the pause overlay's button, the jump-to-slide and search placeholders, and the help overlay.
 * This puts them in the deck's language. The jump, search and help elements are created or attached only when
 * opened, so a MutationObserver on the reveal element relabels whatever reveal adds to it.
 */

type HelpKey =
  | 'nextSlide'
  | 'previousSlide'
  | 'navigateLeft'
  | 'navigateRight'
  | 'navigateUp'
  | 'navigateDown'
  | 'withoutFragments'
  | 'firstLast'
  | 'pause'
  | 'fullscreen'
  | 'jumpToSlide'
  | 'overview'
  | 'search'
  | 'speakerView';

/** reveal's English descriptions in the help overlay (keyboard.js, plugins) and our keys for them. */
const helpDescriptions: Record<string, HelpKey> = {
  'Next slide': 'nextSlide',
  'Previous slide': 'previousSlide',
  'Navigate left': 'navigateLeft',
  'Navigate right': 'navigateRight',
  'Navigate up': 'navigateUp',
  'Navigate down': 'navigateDown',
  'Navigate without fragments': 'withoutFragments',
  'Jump to first/last slide': 'firstLast',
  Pause: 'pause',
  Fullscreen: 'fullscreen',
  'Jump to slide': 'jumpToSlide',
  'Slide overview': 'overview',
  Search: 'search',
  'Speaker notes view': 'speakerView',
};

/** Only writes when the value changes, so relabelling does not feed the observer forever. */
function setAttr(el: Element | null, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function setText(el: Element | null, value: string): void {
  if (el && el.textContent !== value) el.textContent = value;
}

function localizeControls(root: HTMLElement, t: TFunction): void {
  // In right-to-left decks reveal swaps what the left and right arrows do.
  const rtl = root.classList.contains('rtl');
  const labels: Array<[string, string]> = [
    ['.controls .navigate-left', rtl ? t('reveal.next') : t('reveal.previous')],
    ['.controls .navigate-right', rtl ? t('reveal.previous') : t('reveal.next')],
    ['.controls .navigate-up', t('reveal.above')],
    ['.controls .navigate-down', t('reveal.below')],
  ];
  for (const [selector, label] of labels) setAttr(root.querySelector(selector), 'aria-label', label);
  setText(root.querySelector('.pause-overlay .resume-button'), t('reveal.resume'));
}

function localizeInput(input: HTMLInputElement | null, label: string): void {
  if (!input) return;
  if (input.placeholder !== label) input.placeholder = label;
  setAttr(input, 'aria-label', label);
}

function localizeHelp(root: HTMLElement, t: TFunction): void {
  const help = root.querySelector('.r-overlay-help');
  if (!help) return;
  setText(help.querySelector('.r-overlay-help-content .title'), t('reveal.help.title'));
  // The list scrolls when the window is short: keyboard users need to be able to focus it to scroll (2.1.1).
  const content = help.querySelector('.r-overlay-content');
  setAttr(content, 'tabindex', '0');
  setAttr(content, 'role', 'region');
  setAttr(content, 'aria-label', t('reveal.help.title'));
  const close = help.querySelector('.r-overlay-close');
  setAttr(close, 'aria-label', t('reveal.help.close'));
  const headers = help.querySelectorAll('th');
  setText(headers[0] ?? null, t('reveal.help.key'));
  setText(headers[1] ?? null, t('reveal.help.action'));
  for (const th of headers) setAttr(th, 'scope', 'col');
  // Our own bindings (the T key) were described once, in the language of the moment: follow the switch too.
  const ours = new Map([
    [t('language.shortcut', { lng: 'en' }), t('language.shortcut')],
    [t('language.shortcut', { lng: 'zh' }), t('language.shortcut')],
  ]);
  for (const cell of help.querySelectorAll('tr > td:nth-child(2)')) {
    const key = cell.getAttribute('data-reveal-help') ?? helpDescriptions[cell.textContent ?? ''];
    if (key) {
      setAttr(cell, 'data-reveal-help', key);
      setText(cell, t(`reveal.help.${key as HelpKey}`));
    } else {
      const translated = ours.get(cell.textContent ?? '');
      if (translated) setText(cell, translated);
    }
  }
}

function localize(root: HTMLElement, t: TFunction): void {
  localizeControls(root, t);
  localizeInput(root.querySelector<HTMLInputElement>('.jump-to-slide-input'), t('reveal.jumpToSlide'));
  localizeInput(root.querySelector<HTMLInputElement>('.searchbox .searchinput'), t('reveal.search'));
  localizeHelp(root, t);
}

export interface RevealLabels {
  destroy(): void;
}

/**
 * Relabels reveal's own interface in the deck's language, now, whenever reveal adds an element (help,
 * jump-to-slide, search), and after every language switch. Create it after `deck.initialize()`.
 */
export function createRevealLabels(
  root: HTMLElement,
  i18n: i18n,
  language: Pick<LanguageSignal, 'current' | 'subscribe'>,
): RevealLabels {
  let t = i18n.getFixedT(language.current);
  // reveal appends its overlays, the jump box and the search box to the reveal element itself and fills them in
  // the same task, so watching its direct children is enough (and cheap: slide content is deeper).
  const observer = new MutationObserver(() => localize(root, t));
  observer.observe(root, { childList: true });
  localize(root, t);
  const unsubscribe = language.subscribe((change) => {
    if (change.kind !== 'deck') return;
    t = i18n.getFixedT(change.lng);
    localize(root, t);
  });
  return {
    destroy() {
      unsubscribe();
      observer.disconnect();
    },
  };
}
