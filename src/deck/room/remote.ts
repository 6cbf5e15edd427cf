import content from 'virtual:slides';
import type { i18n } from 'i18next';
import type { RevealApi } from 'reveal.js';
import type { Deck } from '../../shared/deck';
import { isLng, type Lng } from '../../shared/languages';
import type { LanguageSignal } from '../language';
import { clock, pacingSeconds } from './pacing';

/**
 * The remote on the presenter's phone: large back and next buttons (and swipe), the current and next slide
 * titles and the notes in the presenter's notes language, the time and the pacing. It drives the page's own
 * deck, hidden behind it, so every press goes to the room like the presenter's own keys.
 */
export interface RemoteOptions {
  deck: RevealApi;
  i18n: i18n;
  language: LanguageSignal;
}

/** The slides in every language (typed through the main deck's type). */
const deckContent: Deck = content;

function titleOf(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html; // inert, and sanitised at build time
  return template.content.querySelector('h1, h2')?.textContent?.trim() ?? '';
}

export function createRemote({ deck, i18n, language }: RemoteOptions): { setNotesLng(lng: string): void } {
  const doc = document;
  // A phone would get the reading view; the remote drives the presenting view.
  deck.configure({ scrollActivationWidth: 0 });

  const panel = doc.createElement('main');
  panel.className = 'room-remote';
  const header = doc.createElement('div');
  header.className = 'room-remote-time';
  const timer = doc.createElement('button');
  timer.type = 'button';
  timer.className = 'room-remote-timer';
  const pacing = doc.createElement('span');
  pacing.className = 'room-remote-pacing';
  header.append(timer, pacing);

  const now = doc.createElement('h1');
  now.className = 'room-remote-now';
  const next = doc.createElement('p');
  next.className = 'room-remote-next';
  const notes = doc.createElement('section');
  notes.className = 'room-remote-notes';
  notes.setAttribute('aria-live', 'polite');

  const buttons = doc.createElement('div');
  buttons.className = 'room-remote-buttons';
  const back = doc.createElement('button');
  back.type = 'button';
  back.className = 'room-remote-back';
  const forward = doc.createElement('button');
  forward.type = 'button';
  forward.className = 'room-remote-forward';
  buttons.append(back, forward);
  panel.append(header, now, next, notes, buttons);
  doc.body.append(panel);

  let notesLng: Lng | null = null;
  let started = performance.now();
  const totalTime = Number((deck.getConfig() as { totalTime?: number }).totalTime ?? 0);

  const lng = (): Lng => notesLng ?? language.notesLng;

  function render() {
    const slides = deckContent[lng()];
    const id = deck.getCurrentSlide()?.id;
    const index = Math.max(
      0,
      slides.findIndex((s) => s.id === id),
    );
    const current = slides[index];
    const upcoming = slides[index + 1];
    const t = i18n.getFixedT(lng());
    doc.documentElement.dataset.remoteLng = lng();
    panel.lang = lng() === 'zh' ? 'zh-CN' : 'en';
    now.textContent = `${t('room.remote.current')} · ${current ? titleOf(current.html) || current.id : ''}`;
    next.textContent = `${t('room.remote.upNext')} · ${upcoming ? titleOf(upcoming.html) || upcoming.id : t('room.remote.end')}`;
    notes.innerHTML = current?.notes ?? ''; // sanitised at build time, as the speaker view shows it
    notes.setAttribute('aria-label', t('room.remote.notes'));
    back.textContent = `‹ ${t('room.remote.back')}`;
    forward.textContent = `${t('room.remote.next')} ›`;
    timer.title = t('room.remote.resetHint');
    tick();
  }

  function tick() {
    const t = i18n.getFixedT(lng());
    const elapsed = (performance.now() - started) / 1000;
    timer.textContent = `${t('room.remote.time')} ${clock(elapsed)}`;
    const slides = deckContent[lng()];
    const index = slides.findIndex((s) => s.id === deck.getCurrentSlide()?.id);
    const pace = pacingSeconds(elapsed, Math.max(0, index), slides.length, totalTime);
    pacing.textContent =
      Math.abs(pace) < 30
        ? t('room.remote.pacingOnTime')
        : t(pace > 0 ? 'room.remote.pacingAhead' : 'room.remote.pacingBehind', {
            time: clock(Math.abs(pace)),
          });
    pacing.dataset.pace = pace < -30 ? 'behind' : 'ok';
  }

  back.addEventListener('click', () => deck.prev());
  forward.addEventListener('click', () => deck.next());
  timer.addEventListener('click', () => {
    started = performance.now();
    tick();
  });
  let swipeX: number | null = null;
  panel.addEventListener('pointerdown', (event) => {
    swipeX = event.clientX;
  });
  panel.addEventListener('pointerup', (event) => {
    if (swipeX === null) return;
    const dx = event.clientX - swipeX;
    swipeX = null;
    if (dx < -60) deck.next();
    else if (dx > 60) deck.prev();
  });

  for (const type of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'ready']) deck.on(type, render);
  language.subscribe(render);
  window.setInterval(tick, 1000);
  render();

  return {
    setNotesLng(value) {
      if (isLng(value) && value !== notesLng) {
        notesLng = value;
        render();
      }
    },
  };
}
