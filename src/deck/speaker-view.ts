/**
 * Makes reveal.js's speaker view bilingual. The notes plugin opens an about:blank popup and writes its own page
 * into it; the popup is same-origin, so the deck reaches into it: it relabels the view in the presenter's
 * language, adds a notes-language switch, and tells the view's two slide previews when the audience's language
 * changes. Only the DOM and CSSOM are used, so the deck's Content-Security-Policy needs nothing extra.
 */
import type { TFunction } from 'i18next';
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { type Lng, languages, supportedLngs } from '../shared/languages';
import type { LanguageController } from './language';
import { languageKey } from './storage';

export interface SpeakerViewOptions {
  /** Strings in a given language (the presenter's, not necessarily the audience's). */
  tFor(lng: Lng): TFunction;
  /** The deck's language: the previews follow its changes, the view's labels follow the notes language. */
  language: Pick<LanguageController, 'notesLng' | 'setNotesLng' | 'subscribe'>;
}

export interface SpeakerViewBridge {
  destroy(): void;
}

export const speakerWindowName = 'reveal.js - Notes';
export const messageNamespace = 'chuhai-deck';

export function languageMessage(lng: Lng): string {
  return JSON.stringify({ namespace: messageNamespace, type: 'language', lng });
}

/** Parses a message sent by languageMessage; null for anything else. */
export function parseLanguageMessage(data: unknown): Lng | null {
  if (typeof data !== 'string' || !data.includes(messageNamespace)) return null;
  try {
    const message = JSON.parse(data) as { namespace?: string; type?: string; lng?: string };
    if (message.namespace !== messageNamespace || message.type !== 'language') return null;
    return supportedLngs.find((l) => l === message.lng) ?? null;
  } catch {
    return null;
  }
}

function setLeadingText(el: Element | null, text: string): void {
  const node = el?.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE) node.textContent = `${text} `;
  else if (el) el.prepend(`${text} `);
}

export function createSpeakerViewBridge(options: SpeakerViewOptions): SpeakerViewBridge {
  const popups = new Set<Window>();
  const nativeOpen = window.open;

  function relabel(popup: Window): void {
    const doc = popup.document;
    if (!doc.querySelector('#speaker-controls')) return;
    const lng = options.language.notesLng;
    const t = options.tFor(lng);
    doc.documentElement.lang = languages[lng].htmlLang;
    doc.title = t('speaker.title');
    const upcoming = doc.querySelector('#upcoming-slide > .label');
    if (upcoming) upcoming.textContent = t('speaker.upcoming');
    setLeadingText(doc.querySelector('.speaker-controls-time > h4.label'), t('speaker.time'));
    const reset = doc.querySelector('.speaker-controls-time .reset-button');
    if (reset) reset.textContent = t('speaker.reset');
    const pacing = doc.querySelector('.pacing-title');
    if (pacing) pacing.textContent = t('speaker.pacing');
    const notesLabel = doc.querySelector('.speaker-controls-notes > h4.label');
    setLeadingText(notesLabel, t('speaker.notes'));
    if (notesLabel) notesLabel.append(notesSwitch(popup, lng, t));
    // The view's clock is hard-wired to en-US; show it in the presenter's language.
    const locale = languages[lng].intl;
    const popupDate = (popup as Window & { Date: DateConstructor }).Date;
    const native = popupDate.prototype.toLocaleTimeString;
    if (!('chuhaiNative' in native)) {
      const localized = function (
        this: Date,
        _locales?: Intl.LocalesArgument,
        opts?: Intl.DateTimeFormatOptions,
      ) {
        return native.call(this, doc.documentElement.lang || locale, opts);
      };
      Object.assign(localized, { chuhaiNative: native });
      popupDate.prototype.toLocaleTimeString = localized;
    }
  }

  /** Two buttons, EN and 中文, after the "Notes" label: the presenter's notes language. */
  function notesSwitch(popup: Window, current: Lng, t: TFunction): HTMLElement {
    const doc = popup.document;
    doc.querySelector('.notes-lng')?.remove();
    const group = doc.createElement('span');
    group.className = 'notes-lng';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t('speaker.notesLanguage'));
    group.style.marginLeft = '0.6em';
    group.style.textTransform = 'none';
    for (const lng of supportedLngs) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.dataset.lng = lng;
      button.lang = languages[lng].htmlLang;
      button.textContent = languages[lng].mark;
      button.setAttribute('aria-pressed', String(lng === current));
      Object.assign(button.style, {
        font: 'inherit',
        fontSize: '0.8em',
        minHeight: '24px',
        minWidth: '32px',
        marginLeft: '4px',
        padding: '2px 8px',
        borderRadius: '10px',
        border: '1px solid #999',
        cursor: 'pointer',
        background: lng === current ? '#e8b04a' : 'transparent',
        color: lng === current ? '#0b1d33' : 'inherit',
      });
      button.addEventListener('click', () => options.language.setNotesLng(lng));
      group.append(button);
    }
    return group;
  }

  function attach(popup: Window | null): void {
    if (!popup || popups.has(popup)) return;
    popups.add(popup);
    // The plugin writes the view's page right after window.open returns; relabel once it is there.
    let tries = 0;
    const whenWritten = () => {
      if (popup.closed) {
        popups.delete(popup);
        return;
      }
      if (popup.document.querySelector('#speaker-controls')) relabel(popup);
      else if (tries++ < 50) window.setTimeout(whenWritten, 40);
      // reveal's notes page changed its markup: say so, rather than leave the view in English without a word.
      else
        console.warn('[speaker view] #speaker-controls not found: the view keeps reveal’s English labels.');
    };
    window.setTimeout(whenWritten, 0);
  }

  window.open = function open(url?: string | URL, target?: string, features?: string) {
    const opened = nativeOpen.call(window, url, target, features);
    if (target === speakerWindowName) attach(opened);
    return opened;
  };

  // After a reload of the deck the view reconnects by itself (a heartbeat message): adopt it again.
  const onMessage = (event: MessageEvent) => {
    if (typeof event.data !== 'string' || !event.data.includes('"heartbeat"')) return;
    if (event.origin !== window.location.origin || !event.source) return;
    attach(event.source as Window);
  };
  window.addEventListener('message', onMessage);

  /** The audience's language changed: the previews follow at once, without reloading. */
  const tellPreviews = (lng: Lng): void => {
    for (const popup of popups) {
      if (popup.closed) {
        popups.delete(popup);
        continue;
      }
      for (const frame of popup.document.querySelectorAll('iframe')) {
        frame.contentWindow?.postMessage(languageMessage(lng), window.location.origin);
      }
    }
  };
  const unsubscribe = options.language.subscribe((change) => {
    if (change.kind === 'deck') tellPreviews(change.lng);
    for (const popup of popups) if (!popup.closed) relabel(popup);
  });

  return {
    destroy() {
      unsubscribe();
      window.open = nativeOpen;
      window.removeEventListener('message', onMessage);
      popups.clear();
    },
  };
}

/**
 * In a speaker view's slide preview (`?receiver`): follow the presenter's deck language. The main window posts
 * it directly; the storage event is the fallback after a reload. Returns the unsubscribe.
 */
export function followPresenterLanguage(language: Pick<LanguageController, 'set'>): () => void {
  const follow = (next: Lng | null) => {
    if (next) language.set(next, { announce: false, remember: false });
  };
  const onMessage = (event: MessageEvent) =>
    follow(event.origin === window.location.origin ? parseLanguageMessage(event.data) : null);
  const onStorage = (event: StorageEvent) =>
    follow(event.key === languageKey ? (supportedLngs.find((l) => l === event.newValue) ?? null) : null);
  window.addEventListener('message', onMessage);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener('message', onMessage);
    window.removeEventListener('storage', onStorage);
  };
}

/** What reveal's speaker view acts on from its current-slide preview (its notes page, reveal.js 6.0.2). */
const viewEvents = [
  'slidechanged',
  'fragmentshown',
  'fragmenthidden',
  'paused',
  'resumed',
  'previewiframe',
  'previewimage',
  'previewvideo',
  'closeoverlay',
] as const;

/** What the preview's reports need of its deck. */
export type PreviewDeck = Pick<RevealApi, 'configure' | 'on' | 'getState'>;

/** How long after a press in the preview its deck's events still count as the presenter's move. */
export const ownMoveWindowMs = 1000;

/**
 * In the speaker view's current-slide preview (`?receiver&postMessageEvents=true`): report to the view only
 * the moves the presenter makes in it.
 *
 * reveal's preview reports every move, and the view moves the deck whenever a report differs from the last
 * state it was told. But the preview also reports the states it is told, and does so late: still loading at
 * the slide the view opened on, or applying two moves that came in a row (a room's remote, then the
 * presenter). The view then sends the deck back to where it was, and in a room takes everyone with it. So
 * reveal's own reports are off here, and a move is reported only right after a key, a click, a touch or a
 * wheel in the preview. The handshake's "ready" is passed on as reveal would.
 */
export function reportOwnMoves(): RevealPlugin & { init(deck: PreviewDeck): void } {
  return {
    id: 'own-moves',
    init(deck) {
      // Plugins start after reveal has read its config from the address; before "ready", configure only
      // records the option.
      deck.configure({ postMessageEvents: false });
      let lastInput = Number.NEGATIVE_INFINITY;
      const stamp = () => {
        lastInput = performance.now();
      };
      for (const type of ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const) {
        window.addEventListener(type, stamp, { capture: true, passive: true });
      }
      // The view is this page's own origin, except in the single file (file://), whose origin is opaque and
      // can be named by no target: there, like reveal, any.
      const target = window.location.protocol === 'file:' ? '*' : window.location.origin;
      const report = (eventName: string) =>
        window.parent.postMessage(
          JSON.stringify({ namespace: 'reveal', eventName, state: deck.getState() }),
          target,
        );
      deck.on('ready', () => report('ready'));
      for (const type of viewEvents) {
        deck.on(type, () => {
          if (performance.now() - lastInput < ownMoveWindowMs) report(type);
        });
      }
    },
  };
}
