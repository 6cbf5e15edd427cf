import type { i18n } from 'i18next';

/**
 * Narration (the speaker notes) under each slide in reveal's scroll view. reveal.js hides notes there; a
 * reader at home has no speaker, so they are shown on request. (The phone article renders its own.)
 */
export function renderScrollNotes(root: ParentNode, i18n: i18n, on: boolean): void {
  for (const old of root.querySelectorAll('.reader-notes')) old.remove();
  if (!on) return;
  for (const section of root.querySelectorAll<HTMLElement>('.slides section[id]')) {
    const sticky = section.closest('.scroll-page-sticky');
    const notes = section.querySelector(':scope > aside.notes');
    if (!sticky || !notes) continue;
    const box = document.createElement('div');
    box.className = 'reader-notes';
    box.lang = notes.getAttribute('lang') ?? '';
    box.setAttribute('role', 'note');
    box.setAttribute('aria-label', i18n.t('reader.notesLabel'));
    box.innerHTML = notes.innerHTML; // sanitised at build time
    sticky.append(box);
  }
}
