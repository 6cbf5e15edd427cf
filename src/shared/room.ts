import { z } from 'zod';

/**
 * The live room's protocol, shared by the relay (src/server/) and the room client (src/deck/room/).
 * The relay is the only source of the live state; clients send navigation, the relay validates, numbers and
 * broadcasts it. Language is never part of the state: each phone reads in its own.
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

const index = z.number().int().min(0).max(999);

/** Where the presenter is: the part of reveal's getState() the room shares, plus the slide's stable id. */
export const viewSchema = z
  .object({
    slide: z
      .string()
      .max(80)
      .regex(/^[a-z][a-z0-9-]*$/)
      .optional(),
    h: index,
    v: index,
    f: z.number().int().min(-1).max(999),
    paused: z.boolean(),
    overview: z.boolean(),
  })
  .strict();
export type View = z.infer<typeof viewSchema>;

/** What the relay broadcasts: the view with a sequence number that only grows, so stale updates are ignored. */
export const liveStateSchema = z
  .object({
    seq: z.number().int().min(1),
    view: viewSchema,
  })
  .strict();
export type LiveState = z.infer<typeof liveStateSchema>;

const token = z.string().min(1).max(200);

/** A presenter's or remote's navigation; the token is checked on every one. */
export const navMessageSchema = z.object({ token, view: viewSchema }).strict();
export type NavMessage = z.infer<typeof navMessageSchema>;

/** The presenter's notes language, for the remote on the presenter's phone. Never sent to the audience. */
export const notesMessageSchema = z.object({ token, lng: z.enum(['en', 'zh']) }).strict();
export type NotesMessage = z.infer<typeof notesMessageSchema>;

/** The handshake: a role, and the token for the two that drive. */
export const handshakeSchema = z.union([
  z.object({ role: z.literal('audience') }).strict(),
  z.object({ role: z.enum(['presenter', 'remote']), token }).strict(),
]);
export type Handshake = z.infer<typeof handshakeSchema>;
export type Role = Handshake['role'];

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
