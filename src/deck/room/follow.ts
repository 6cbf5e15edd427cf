import type { RevealApi } from 'reveal.js';
import type { LiveState, View } from '../../shared/room';

/**
 * The audience's two modes: following the presenter, or reading on its own (stepped back or ahead). Pure
 * decisions here; room-client.ts wires them to reveal and the socket.
 */
export type FollowMode = 'live' | 'reading';

/**
 * Whether to take a state from the relay: a newer sequence number, or the first state since (re)connecting,
 * which is always the truth (a restarted relay numbers from 1 again).
 */
export function acceptState(
  lastSeq: number,
  fresh: boolean,
  incoming: LiveState | null,
): incoming is LiveState {
  if (!incoming) return false;
  return fresh || incoming.seq > lastSeq;
}

/**
 * Whether what a page shows is the live view. The reading view (a scrolling page) has no steps of its own to
 * compare, so there the slide decides.
 */
export function viewMatches(shown: View, live: View, scroll: boolean): boolean {
  if (shown.h !== live.h || shown.v !== live.v) return false;
  if (scroll) return true;
  return shown.f === live.f && shown.paused === live.paused && shown.overview === live.overview;
}

/**
 * The mode after the page moved. While a live view is being applied (reveal's transitions and the reading view's
 * scrolling pass through other slides), moves are not the reader's own.
 */
export function modeAfterMove(mode: FollowMode, matches: boolean, applying: boolean): FollowMode {
  if (matches) return 'live';
  if (applying) return mode;
  return 'reading';
}

const slideIdPattern = /^[a-z][a-z0-9-]{0,79}$/;

/** What the deck shows, as the room describes it. */
export function currentView(deck: RevealApi): View {
  const state = deck.getState();
  const id = deck.getCurrentSlide()?.id ?? '';
  return {
    ...(slideIdPattern.test(id) ? { slide: id } : {}),
    h: state.indexh,
    v: state.indexv ?? 0,
    f: typeof state.indexf === 'number' ? state.indexf : -1,
    paused: Boolean(state.paused),
    overview: Boolean(state.overview),
  };
}

/**
 * The horizontal index of a view in this page's deck: by the slide's id when it is mounted (ids are the same in
 * every language), else the index as sent.
 */
export function indexOfView(view: View, ids: readonly string[]): number {
  const byId = view.slide ? ids.indexOf(view.slide) : -1;
  return byId >= 0 ? byId : view.h;
}

/** Shows a view: reveal's setState, which the reading view turns into a scroll to the slide. */
export function showView(deck: RevealApi, view: View): void {
  const ids = Array.from(
    deck.getRevealElement()?.querySelectorAll(':scope .slides > section') ?? [],
    (s) => s.id,
  );
  deck.setState({
    indexh: indexOfView(view, ids),
    indexv: view.v,
    indexf: view.f,
    paused: view.paused,
    overview: view.overview,
  });
}
