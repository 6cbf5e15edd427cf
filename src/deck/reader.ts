import type { i18n } from 'i18next';
import type { RevealApi } from 'reveal.js';
import type { Lng } from '../shared/languages';
import { createContentsPanel } from './contents-panel';
import type { LanguageSignal } from './language';
import type { PhoneView } from './phone/phone-view';
import { renderScrollNotes } from './reader-notes';
import { readSetting, writeSetting } from './storage';

/**
 * The reader's way through the deck: a link between the presenting and the reading view, a contents panel
 * (./contents-panel.ts) that jumps to any slide, and the narration under each slide (./reader-notes.ts for
 * reveal's scroll view; the phone article draws its own). On a phone the reading view is the article.
 */
export interface ReaderControls {
  /** Relabel and rebuild after a language switch. */
  update(): void;
  /** The slide on screen changed: bring the view link up to date. */
  refresh(): void;
  destroy(): void;
}

export const readerNotesKey = 'chuhai.readerNotes';

/**
 * The same URL in the other view, language kept, on the given slide: ?view=scroll added or removed. On a
 * phone, where reading is the default, presenting is asked for with ?layout=slides. `lng`, when given, is the
 * deck's language: the address's ?lng= follows a switch only once it is drawn (src/deck/language.ts).
 */
export function viewUrl(href: string, scroll: boolean, slideId?: string, phone = false, lng?: Lng): string {
  const url = new URL(href);
  if (lng) url.searchParams.set('lng', lng);
  if (scroll) url.searchParams.set('view', 'scroll');
  else url.searchParams.delete('view');
  if (phone && !scroll) url.searchParams.set('layout', 'slides');
  else url.searchParams.delete('layout');
  if (slideId) url.hash = `#/${slideId}`;
  return url.toString();
}

/** The slide a hash names (#/<id> or #/<id>/<fragment>), or null. */
export function slideIdFromHash(hash: string): string | null {
  const match = /^#\/([a-z][a-z0-9-]*)(?:\/\d+)?$/.exec(hash);
  return match ? match[1]! : null;
}

/**
 * @param initialHash the page's hash at boot: on a narrow screen reveal switches to the scroll view at its first
 *   layout and rewrites the hash to the first slide, so the deep link must be remembered before that.
 * @param phone the phone article, when it is the reading view.
 */
export function createReaderControls(
  deck: RevealApi,
  i18n: i18n,
  host: HTMLElement,
  language: Pick<LanguageSignal, 'current' | 'subscribe' | 'flush'>,
  initialHash = window.location.hash,
  phone: () => PhoneView | undefined = () => undefined,
): ReaderControls {
  const doc = document;
  const controller = new AbortController();
  const { signal } = controller;
  const isReading = () => Boolean(phone()) || deck.isScrollView();
  const slideSections = () =>
    Array.from(deck.getRevealElement()?.querySelectorAll<HTMLElement>('.slides section[id]') ?? []);
  const currentId = () => phone()?.position().id ?? deck.getCurrentSlide()?.id;

  const viewLink = doc.createElement('a');
  viewLink.className = 'deck-button view-link';
  const notesButton = doc.createElement('button');
  notesButton.type = 'button';
  notesButton.className = 'deck-button notes-toggle';

  const contents = createContentsPanel(
    i18n,
    {
      entries: () => {
        // Slides off screen follow a switch when the browser is idle; the list reads every title now.
        language.flush();
        return slideSections().map((s) => ({
          id: s.id,
          title: s.querySelector('h1, h2')?.textContent?.trim() ?? s.id,
        }));
      },
      current: currentId,
      go(id) {
        const view = phone();
        if (view) view.show(id);
        else if (deck.isScrollView()) {
          window.history.replaceState(window.history.state, '', `#/${id}`);
          scrollToHash();
        } else {
          const index = slideSections().findIndex((s) => s.id === id);
          if (index >= 0) deck.slide(index, 0, -1);
        }
      },
    },
    signal,
  );
  host.prepend(viewLink, contents.button, notesButton);

  let notesOn = readSetting(readerNotesKey) === 'on';

  const renderNotes = () => {
    const view = phone();
    view?.setNotes(notesOn);
    doc.documentElement.classList.toggle('reader-notes-on', notesOn && isReading());
    renderScrollNotes(deck.getRevealElement() ?? doc, i18n, notesOn && !view && deck.isScrollView());
  };

  const refresh = () => {
    viewLink.href = viewUrl(
      window.location.href,
      !isReading(),
      currentId(),
      Boolean(phone()),
      language.current,
    );
  };

  const label = () => {
    const reading = isReading();
    refresh();
    viewLink.textContent = i18n.t(reading ? 'reader.present' : 'reader.read');
    viewLink.title = i18n.t(reading ? 'reader.presentHint' : 'reader.readHint');
    notesButton.hidden = !reading;
    notesButton.textContent = i18n.t('reader.notes');
    notesButton.setAttribute('aria-pressed', String(notesOn));
    contents.relabel();
  };

  /** Scroll view's own hash handling is off by one past the middle (reveal.js #3815): land on the page itself. */
  function scrollToHash(hash = window.location.hash) {
    const id = slideIdFromHash(hash);
    if (!id || !deck.isScrollView()) return;
    const page = doc.getElementById(id)?.closest('.scroll-page');
    if (!page) return;
    page.scrollIntoView({ block: 'start' });
    if (window.location.hash !== `#/${id}`) window.history.replaceState(window.history.state, '', `#/${id}`);
  }

  notesButton.addEventListener(
    'click',
    () => {
      notesOn = !notesOn;
      writeSetting(readerNotesKey, notesOn ? 'on' : 'off');
      label();
      renderNotes();
    },
    { signal },
  );
  // reveal writes the hash after its slide events, so the link is brought up to date again when it is used.
  viewLink.addEventListener('click', refresh, { signal });
  for (const type of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(type, refresh);
  signal.addEventListener('abort', () => {
    for (const type of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.off(type, refresh);
  });

  label();
  renderNotes();
  // reveal builds the scroll pages at start-up (or at its first layout on a narrow screen) and applies its own
  // hash handling; correct it once that has settled.
  const landTimer = window.setTimeout(() => {
    if (!phone() && slideIdFromHash(initialHash) !== deck.getCurrentSlide()?.id) scrollToHash(initialHash);
  }, 150);
  signal.addEventListener('abort', () => window.clearTimeout(landTimer));

  const update = (): void => {
    label();
    renderNotes();
  };
  // Notes follow either change: the deck's language or the presenter's notes language.
  signal.addEventListener('abort', language.subscribe(update));

  return {
    update,
    refresh,
    destroy() {
      controller.abort();
      for (const el of [viewLink, notesButton]) el.remove();
      renderScrollNotes(deck.getRevealElement() ?? doc, i18n, false);
    },
  };
}
