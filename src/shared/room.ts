/**
 * The live room's protocol, shared by the relay (src/server/) and the room client (src/deck/room/). The relay is
 * the only source of the live state: clients send navigation, the relay validates, numbers and broadcasts it.
 * Language is never part of the state: each phone reads in its own. The zod schemas are in room-schema.ts, so
 * the deck's first chunk can use these constants without bundling zod.
 */

/** One socket.io room per talk; a single process serves one talk. */
export const roomName = 'talk';
/** Presenter and remote sockets also join this room: they hear the presenter's notes language. */
export const presentersRoom = 'presenters';
/** The meta element the relay's server injects into index.html: without it the deck stays static. */
export const roomMetaName = 'deck-room';
/** Query parameters of the presenter and remote addresses. The audience address carries none. */
export const presenterParam = 'presenter';
export const remoteParam = 'remote';

/** A message larger than this is cut off by socket.io itself (maxHttpBufferSize). */
export const maxMessageBytes = 1024;

/** Where the presenter is: the part of reveal's getState() the room shares, plus the slide's stable id. */
export interface View {
  slide?: string;
  h: number;
  v: number;
  /** -1: no step shown yet. */
  f: number;
  paused: boolean;
  overview: boolean;
}

/** What the relay broadcasts: the view with a sequence number that only grows, so stale updates are ignored. */
export interface LiveState {
  seq: number;
  view: View;
}

export type Role = 'audience' | 'presenter' | 'remote';
export type Handshake = { role: 'audience' } | { role: 'presenter' | 'remote'; token: string };

/** Events from client to relay, and from relay to client. */
export const clientEvents = { nav: 'nav', notes: 'notes', sync: 'sync' } as const;
export const serverEvents = { state: 'state', notes: 'notes' } as const;

/** Same place on screen: the slide id is informative, the indices decide. */
export function sameView(a: View, b: View): boolean {
  return a.h === b.h && a.v === b.v && a.f === b.f && a.paused === b.paused && a.overview === b.overview;
}

/**
 * The relay's state reducer: a valid navigation becomes the next state, unless it changes nothing (a language
 * switch restores the same view and must not wake the room).
 */
export function nextLiveState(current: LiveState | null, view: View): LiveState | null {
  if (current && sameView(current.view, view)) return null;
  return { seq: (current?.seq ?? 0) + 1, view };
}

/** The role a page plays, from its address: ?presenter=<token>, ?remote=<token>, or the audience. */
export function roleFromSearch(search: string): Handshake {
  const params = new URLSearchParams(search);
  const presenter = params.get(presenterParam);
  if (presenter) return { role: 'presenter', token: presenter };
  const remote = params.get(remoteParam);
  if (remote) return { role: 'remote', token: remote };
  return { role: 'audience' };
}

/** A role saved in session storage, checked by hand (no zod in the deck's first chunk). */
export function parseSavedRole(raw: string | null): Handshake | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || !('role' in value) || !('token' in value)) return null;
    const { role, token } = value;
    if ((role === 'presenter' || role === 'remote') && typeof token === 'string' && token.length > 0) {
      return { role, token };
    }
  } catch {
    // Not JSON: ignore it.
  }
  return null;
}
