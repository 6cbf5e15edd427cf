import type { i18n } from 'i18next';
import type { RevealApi } from 'reveal.js';
import type { LanguageSignal } from './language';
import { readSetting, writeSetting } from './storage';

/**
 * The reader's way through the deck: a link between the presenting and the reading (scroll) view, a contents
 * panel that jumps to any slide, and, in the reading view, the narration (the speaker notes) under each slide.
 * reveal.js hides notes in its scroll view; a reader at home has no speaker, so we show them on request.
 */
export interface ReaderControls {
  /** Relabel and rebuild after a language switch. */
  update(): void;
  destroy(): void;
}

export const readerNotesKey = 'chuhai.readerNotes';

/** The same URL in the other view: ?view=scroll added or removed, language kept, on the given slide. */
export function viewUrl(href: string, scroll: boolean, slideId?: string): string {
  const url = new URL(href);
  if (scroll) url.searchParams.set('view', 'scroll');
  else url.searchParams.delete('view');
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
 */
export function createReaderControls(
  deck: RevealApi,
  i18n: i18n,
  host: HTMLElement,
  language: Pick<LanguageSignal, 'subscribe'>,
  initialHash = window.location.hash,
): ReaderControls {
  const isScroll = () => deck.isScrollView();
  const doc = document;

  const viewLink = doc.createElement('a');
  viewLink.className = 'deck-button view-link';

  const notesButton = doc.createElement('button');
  notesButton.type = 'button';
  notesButton.className = 'deck-button notes-toggle';

  const contentsButton = doc.createElement('button');
  contentsButton.type = 'button';
  contentsButton.className = 'deck-button contents-toggle';
  contentsButton.setAttribute('aria-expanded', 'false');
  contentsButton.setAttribute('aria-controls', 'deck-contents');

  const panel = doc.createElement('nav');
  panel.id = 'deck-contents';
  panel.className = 'contents-panel';
  panel.hidden = true;
  const panelTitle = doc.createElement('h2');
  panelTitle.id = 'deck-contents-title';
  panel.setAttribute('aria-labelledby', panelTitle.id);
  const list = doc.createElement('ol');
  panel.append(panelTitle, list);

  host.prepend(viewLink, contentsButton, notesButton);
  doc.body.append(panel);

  let notesOn = readSetting(readerNotesKey) === 'on';

  function sections(): HTMLElement[] {
    return Array.from(deck.getRevealElement()?.querySelectorAll<HTMLElement>('.slides section[id]') ?? []);
  }

  function renderNotes() {
    doc.documentElement.classList.toggle('reader-notes-on', notesOn && isScroll());
    for (const old of doc.querySelectorAll('.reader-notes')) old.remove();
    if (!notesOn || !isScroll()) return;
    for (const section of sections()) {
      const sticky = section.closest('.scroll-page-sticky');
      const notes = section.querySelector(':scope > aside.notes');
      if (!sticky || !notes) continue;
      const box = doc.createElement('div');
      box.className = 'reader-notes';
      box.lang = notes.getAttribute('lang') ?? '';
      box.setAttribute('role', 'note');
      box.setAttribute('aria-label', i18n.t('reader.notesLabel'));
      box.innerHTML = notes.innerHTML; // sanitised at build time
      sticky.append(box);
    }
  }

  function renderContents() {
    panelTitle.textContent = i18n.t('reader.contents');
    list.replaceChildren(
      ...sections().map((section) => {
        const item = doc.createElement('li');
        const link = doc.createElement('a');
        link.href = `#/${section.id}`;
        link.textContent = section.querySelector('h1, h2')?.textContent?.trim() ?? section.id;
        item.append(link);
        return item;
      }),
    );
  }

  function label() {
    const scroll = isScroll();
    viewLink.href = viewUrl(window.location.href, !scroll, deck.getCurrentSlide()?.id);
    viewLink.textContent = i18n.t(scroll ? 'reader.present' : 'reader.read');
    viewLink.title = i18n.t(scroll ? 'reader.presentHint' : 'reader.readHint');
    notesButton.hidden = !scroll;
    notesButton.textContent = i18n.t('reader.notes');
    notesButton.setAttribute('aria-pressed', String(notesOn));
    contentsButton.textContent = i18n.t('reader.contents');
  }

  /** Scroll view's own hash handling is off by one past the middle (reveal.js #3815): land on the page itself. */
  function scrollToHash(hash = window.location.hash) {
    const id = slideIdFromHash(hash);
    if (!id || !isScroll()) return;
    const page = doc.getElementById(id)?.closest('.scroll-page');
    if (!page) return;
    page.scrollIntoView({ block: 'start' });
    if (window.location.hash !== `#/${id}`) window.history.replaceState(window.history.state, '', `#/${id}`);
  }

  function setPanel(open: boolean) {
    panel.hidden = !open;
    contentsButton.setAttribute('aria-expanded', String(open));
    if (open) {
      renderContents();
      const current = deck.getCurrentSlide()?.id;
      const link = list.querySelector<HTMLAnchorElement>(`a[href="#/${current}"]`) ?? list.querySelector('a');
      link?.setAttribute('aria-current', 'true');
      link?.focus();
    }
  }

  const onContents = () => setPanel(panel.hidden !== false);
  const onNotes = () => {
    notesOn = !notesOn;
    writeSetting(readerNotesKey, notesOn ? 'on' : 'off');
    label();
    renderNotes();
  };
  const onPanelClick = (event: MouseEvent) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    setPanel(false);
    const id = slideIdFromHash(link.getAttribute('href') ?? '');
    const index = sections().findIndex((s) => s.id === id);
    if (isScroll()) {
      window.history.replaceState(window.history.state, '', `#/${id}`);
      scrollToHash();
    } else if (index >= 0) deck.slide(index, 0, -1);
    contentsButton.focus();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !panel.hidden) {
      event.stopPropagation();
      setPanel(false);
      contentsButton.focus();
    }
  };
  // reveal writes the hash after its slide events, so the link is brought up to date again when it is used.
  const onSlideChanged = () => {
    viewLink.href = viewUrl(window.location.href, !isScroll(), deck.getCurrentSlide()?.id);
  };

  contentsButton.addEventListener('click', onContents);
  viewLink.addEventListener('click', onSlideChanged);
  notesButton.addEventListener('click', onNotes);
  panel.addEventListener('click', onPanelClick);
  doc.addEventListener('keydown', onKeydown, true);
  deck.on('slidechanged', onSlideChanged);
  deck.on('fragmentshown', onSlideChanged);
  deck.on('fragmenthidden', onSlideChanged);

  label();
  renderNotes();
  // reveal builds the scroll pages at start-up (or at its first layout on a narrow screen) and applies its own
  // hash handling; correct it once that has settled.
  const landTimer = window.setTimeout(() => {
    if (slideIdFromHash(initialHash) !== deck.getCurrentSlide()?.id) scrollToHash(initialHash);
  }, 150);

  const update = (): void => {
    label();
    renderNotes();
    if (!panel.hidden) renderContents();
  };
  // Notes follow either change: the deck's language or the presenter's notes language.
  const unsubscribe = language.subscribe(update);

  return {
    update,
    destroy() {
      unsubscribe();
      window.clearTimeout(landTimer);
      contentsButton.removeEventListener('click', onContents);
      viewLink.removeEventListener('click', onSlideChanged);
      notesButton.removeEventListener('click', onNotes);
      panel.removeEventListener('click', onPanelClick);
      doc.removeEventListener('keydown', onKeydown, true);
      deck.off('slidechanged', onSlideChanged);
      deck.off('fragmentshown', onSlideChanged);
      deck.off('fragmenthidden', onSlideChanged);
      for (const el of [viewLink, notesButton, contentsButton, panel]) el.remove();
      for (const old of doc.querySelectorAll('.reader-notes')) old.remove();
    },
  };
}
