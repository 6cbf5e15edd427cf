import { io } from 'socket.io-client';
import {
  clientEvents,
  type Handshake,
  type LiveState,
  sameView,
  serverEvents,
  type View,
} from '../../shared/room';
import { liveStateSchema } from '../../shared/room-schema';
import { createRoomBadge } from './badge';
import { acceptState, currentView, type FollowMode, modeAfterMove, showView, viewMatches } from './follow';
import type { RoomBoot } from './index';
import { createRemote } from './remote';
import './room.css';

/** reveal's events that change what the room sees. Language switches are not among them. */
const navigationEvents = [
  'slidechanged',
  'fragmentshown',
  'fragmenthidden',
  'paused',
  'resumed',
  'overviewshown',
  'overviewhidden',
] as const;

/** How long a presenter waits for the echo of its own navigation before it stops expecting one. */
const echoWindowMs = 3000;

/** How long a live view may take to land (transitions, the reading view's scrolling) before moves count as the reader's. */
const applyWindowMs = 1500;

/**
 * Joins the room. The presenter and the remote send every navigation and follow each other; the audience
 * follows the relay's state, can read on its own, and comes back with "Back to live" (or L).
 */
export function joinRoom({ deck, i18n, language }: RoomBoot, handshake: Handshake): void {
  const token = handshake.role === 'audience' ? null : handshake.token;
  const drives = token !== null;
  const socket = io({ transports: ['websocket'], auth: handshake, reconnectionDelayMax: 3000 });
  const host = document.querySelector<HTMLElement>('.deck-ui') ?? document.body;
  const badge = createRoomBadge(host, i18n, handshake.role, () => backToLive());
  document.documentElement.dataset.room = handshake.role;

  let live: LiveState | null = null;
  let lastSeq = 0;
  let movedOffline = false;
  /** Views this page sent that the relay has not echoed yet. */
  const sent: { view: View; at: number }[] = [];
  let fresh = true;
  let mode: FollowMode = 'live';
  let applyingUntil = 0;
  let sentNotesLng: string | null = null;

  const render = () => {
    badge.update({ connected: socket.connected, mode });
    // On a phone the audience reads the article (src/deck/phone/): while live it shows the slide and step the
    // presenter's state puts the hidden deck on.
    if (handshake.role === 'audience') window.deckPhone?.follow(mode === 'live');
  };

  function apply(state: LiveState) {
    if (viewMatches(currentView(deck), state.view, deck.isScrollView())) return;
    applyingUntil = performance.now() + applyWindowMs;
    showView(deck, state.view);
  }

  function backToLive() {
    mode = 'live';
    if (live) apply(live);
    render();
  }

  function sendNotesLng() {
    // The remote reads the notes in the language the presenter reads them in, so only the presenter says which.
    if (token === null || handshake.role !== 'presenter') return;
    const lng = language.notesLng;
    if (lng !== sentNotesLng && socket.connected) {
      sentNotesLng = lng;
      socket.emit(clientEvents.notes, { token, lng });
    }
  }

  function onMove() {
    if (token !== null) {
      const view = currentView(deck);
      // The echo of a state just applied, or a language switch that restored the same view: nothing to send.
      if (live && sameView(view, live.view)) return;
      if (!socket.connected) {
        movedOffline = true;
        return;
      }
      // reveal fires several events for one move (slidechanged, fragmenthidden…): send the view once.
      const last = sent[sent.length - 1];
      if (last && sameView(last.view, view)) return;
      socket.emit(clientEvents.nav, { token, view });
      sent.push({ view, at: performance.now() });
      if (sent.length > 50) sent.shift();
      return;
    }
    if (!live) return;
    const matches = viewMatches(currentView(deck), live.view, deck.isScrollView());
    mode = modeAfterMove(mode, matches, performance.now() < applyingUntil);
    if (matches) applyingUntil = 0;
    render();
  }
  for (const type of navigationEvents) deck.on(type, onMove);

  socket.on(serverEvents.state, (message: unknown) => {
    const parsed = message === null ? null : liveStateSchema.safeParse(message);
    const wasFresh = fresh;
    fresh = false;
    // Tests and tools can tell when the page has heard the relay once.
    document.documentElement.dataset.roomSynced = 'true';
    // The first state after (re)connecting is the truth, whatever its number: a restarted relay counts from 1.
    if (wasFresh) lastSeq = 0;
    if (parsed === null) {
      // A relay with no state yet (just started, or restarted): the presenter's deck is the truth.
      if (drives) {
        live = null; // what we last heard is gone with the old relay: tell the new one
        movedOffline = false;
        onMove();
      }
      return;
    }
    if (!parsed.success) return;
    const state = parsed.data;
    if (!acceptState(lastSeq, wasFresh, state)) return;
    live = state;
    lastSeq = state.seq;
    document.documentElement.dataset.roomSeq = String(state.seq);
    if (drives && wasFresh && movedOffline) {
      // The presenter moved on while the network was away: their deck is newer than the relay's state.
      movedOffline = false;
      onMove();
    } else if (drives) {
      // Our own navigation coming back: the deck is already there, or further on. Applying it would jump back.
      // A send the relay dropped (it already showed that view) never echoes: forget it after a while.
      while (sent.length > 0 && performance.now() - sent[0]!.at > echoWindowMs) sent.shift();
      const own = sent.findIndex((entry) => sameView(entry.view, state.view));
      if (own >= 0) sent.splice(0, own + 1);
      else {
        // From the remote, or another presenter page: it supersedes what we sent before it.
        sent.length = 0;
        apply(state);
      }
    } else if (mode === 'live') apply(state);
    render();
  });
  const remote = handshake.role === 'remote' ? createRemote({ deck, i18n, language }) : null;
  socket.on(serverEvents.notes, (lng: unknown) => {
    if (typeof lng === 'string') remote?.setNotesLng(lng);
  });
  socket.on('connect', () => {
    fresh = true;
    sent.length = 0;
    sentNotesLng = null;
    sendNotesLng();
    render();
  });
  socket.on('disconnect', (reason) => {
    render();
    // socket.io retries by itself except when the server closed the socket (a relay shutting down, or this client
    // cut off for flooding): try again later, at a pace no relay minds.
    if (reason === 'io server disconnect') window.setTimeout(() => socket.connect(), 5000);
  });
  socket.on('connect_error', render);

  // A phone that slept, or came back on the network, rejoins at once instead of waiting for the next retry.
  const wake = () => {
    if (document.visibilityState !== 'visible') return;
    if (socket.connected) socket.emit(clientEvents.sync);
    else socket.connect();
  };
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('online', wake);
  window.addEventListener('pageshow', wake);

  if (!drives) {
    // reveal binds L to "navigate right"; a follower's L goes back to live instead.
    deck.addKeyBinding({ keyCode: 76, key: 'L', description: i18n.t('room.shortcut') }, backToLive);
  }
  language.subscribe(() => {
    render();
    sendNotesLng();
  });
  render();
}
