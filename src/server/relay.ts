import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import {
  clientEvents,
  type LiveState,
  maxMessageBytes,
  presentersRoom,
  type Role,
  roomName,
  serverEvents,
} from '../shared/room.ts';
import { handshakeSchema, navMessageSchema, notesMessageSchema } from '../shared/room-schema.ts';
import { originAllowed } from './addresses.ts';
import { createRateLimiter, defaultRateLimit, type RateLimitOptions } from './rate-limit.ts';
import type { StateStore } from './store.ts';
import { tokenMatches } from './token.ts';

export interface RelayOptions {
  token: string;
  store: StateStore;
  publicUrl?: string;
  /** socket.io's Redis adapter, when the room spans processes. */
  adapter?: ServerOptions['adapter'];
  rateLimit?: RateLimitOptions;
  log?: (message: string) => void;
}

interface SocketData {
  role: Role;
}

/** What clients send is `unknown` until validated. */
interface ClientToServer {
  [event: string]: (message: unknown) => void;
}
interface ServerToClient {
  state: (state: LiveState | null) => void;
  notes: (lng: string | null) => void;
}

/**
 * The room's relay on socket.io. The relay is the only source of the live state: clients send navigation, the
 * relay checks the token on every message and validates its shape, the store numbers it, and everyone in the room
 * gets it. Audience sockets can only listen. Nothing a client sends can throw out of a handler.
 */
export function attachRelay(
  http: HttpServer,
  options: RelayOptions,
): Server<ClientToServer, ServerToClient, Record<string, never>, SocketData> & {
  reconcile(): Promise<void>;
} {
  const { token, store } = options;
  const log = options.log ?? (() => {});
  const io = new Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>(http, {
    serveClient: false,
    transports: ['websocket'],
    // Navigation messages are tiny; anything larger closes the connection.
    maxHttpBufferSize: maxMessageBytes,
    pingInterval: 10_000,
    pingTimeout: 5_000,
    allowRequest: (req, callback) =>
      callback(null, originAllowed(req.headers.origin, req.headers.host, options.publicUrl)),
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });

  io.use((socket, next) => {
    const handshake = handshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success) return next(new Error('room: malformed handshake'));
    if (handshake.data.role !== 'audience' && !tokenMatches(token, handshake.data.token)) {
      return next(new Error('room: wrong token'));
    }
    socket.data.role = handshake.data.role;
    next();
  });

  // The newest state this process has broadcast or seen in the store (see reconcile below).
  let newestSeq = 0;

  // One store write at a time in this process, so states are broadcast in the order they were numbered.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };

  const guarded =
    (
      socket: Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>,
      name: string,
      handler: (message: unknown) => Promise<void>,
    ) =>
    (message: unknown) => {
      handler(message).catch((error: unknown) =>
        log(`room: ${name} from ${socket.id} failed: ${String(error)}`),
      );
    };

  io.on('connection', (socket) => {
    const drives = socket.data.role !== 'audience';
    void socket.join(roomName);
    if (drives) void socket.join(presentersRoom);

    const limiter = createRateLimiter(options.rateLimit ?? defaultRateLimit, Date.now());
    socket.use((_packet, next) => {
      const verdict = limiter.take(Date.now());
      if (verdict === 'ok') return next();
      if (verdict === 'cut') {
        log(`room: ${socket.id} (${socket.data.role}) sent too fast; disconnected`);
        socket.disconnect(true);
      }
      // Dropped: next() is never called, so no handler sees it.
    });

    const sendState = async () => {
      socket.emit(serverEvents.state, await store.get());
      if (drives) socket.emit(serverEvents.notes, await store.getNotesLng());
    };
    guarded(socket, 'connect', sendState)(undefined);
    socket.on(clientEvents.sync, guarded(socket, 'sync', sendState));

    if (!drives) return; // the audience listens; anything else it sends reaches no handler

    socket.on(
      clientEvents.nav,
      guarded(socket, 'nav', async (message) => {
        const nav = navMessageSchema.safeParse(message);
        if (!nav.success || !tokenMatches(token, nav.data.token)) return;
        const next = await serial(() => store.apply(nav.data.view));
        if (next) {
          newestSeq = Math.max(newestSeq, next.seq);
          io.to(roomName).emit(serverEvents.state, next);
        }
      }),
    );
    socket.on(
      clientEvents.notes,
      guarded(socket, 'notes', async (message) => {
        const notes = notesMessageSchema.safeParse(message);
        if (!notes.success || !tokenMatches(token, notes.data.token)) return;
        await store.setNotesLng(notes.data.lng);
        io.to(presentersRoom).emit(serverEvents.notes, notes.data.lng);
      }),
    );
  });

  return Object.assign(io, {
    /**
     * Pub/sub is lossy: a process that was cut off from Redis, or missed a message, catches up by reading the
     * stored state now and then and sending it to its own clients when it is newer than what they had.
     */
    async reconcile(): Promise<void> {
      const state = await store.get();
      if (state && state.seq > newestSeq) {
        newestSeq = state.seq;
        io.local.to(roomName).emit(serverEvents.state, state);
      }
    },
  });
}
