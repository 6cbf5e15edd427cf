import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { RequestHandler } from './http.ts';
import { attachRelay } from './relay.ts';
import { createMemoryStore, createRedisStore, type StateStore } from './store.ts';

export interface RoomServerOptions {
  token: string;
  port: number;
  host: string;
  publicUrl?: string;
  /** Share the room with other processes through Redis. */
  redisUrl?: string;
  log?: (message: string) => void;
}

export interface RoomServer {
  http: HttpServer;
  io: Server;
  port: number;
  /** Starts serving pages (the relay runs from the start). */
  serve(handler: RequestHandler): void;
  close(): Promise<void>;
}

/** With Redis, how often each process checks the stored state against what its clients have. */
const reconcileMs = 2000;

/** Logs a Redis client's outages once each, not on every retry. */
function watchRedis(client: Redis, name: string, log: (message: string) => void): void {
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) log(`room: Redis ${name} connection lost (${error.message}); retrying`);
    down = true;
  });
  client.on('ready', () => {
    if (down) log(`room: Redis ${name} connection back`);
    down = false;
  });
}

/**
 * One HTTP server for the deck and the relay. Pages answer 503 until serve() is called, so the port is held
 * (and known, with --port 0) while dist/ is built.
 */
export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const log = options.log ?? ((message: string) => console.error(message));
  let handler: RequestHandler | null = null;
  const http = createServer((req, res) => {
    if (handler) return handler(req, res);
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' });
    res.end('The deck is being built; try again in a moment.');
  });

  const clients: Redis[] = [];
  let store: StateStore = createMemoryStore();
  let adapter: ReturnType<typeof createAdapter> | undefined;
  if (options.redisUrl) {
    // The adapter does not catch failed publishes: these two clients queue while Redis is away (never reject),
    // and deliver when it returns, so other processes' phones catch up with what happened here meanwhile.
    const pub = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    // State reads fail fast while Redis is away, so the process falls back to its own copy at once.
    const state = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    watchRedis(pub, 'publish', log);
    watchRedis(sub, 'subscribe', log);
    state.on('error', () => {}); // the store reports outages itself
    clients.push(pub, sub, state);
    adapter = createAdapter(pub, sub);
    store = createRedisStore(state, { log });
  }

  const io = attachRelay(http, { token: options.token, store, publicUrl: options.publicUrl, adapter, log });
  const reconcile = options.redisUrl
    ? setInterval(() => void io.reconcile().catch(() => {}), reconcileMs)
    : undefined;

  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} is in use: choose another with --port.`)
          : error,
      ),
    );
    http.listen(options.port, options.host, () => resolve());
  });

  return {
    http,
    io,
    port: (http.address() as AddressInfo).port,
    serve(next) {
      handler = next;
    },
    async close() {
      clearInterval(reconcile);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      http.closeAllConnections();
      // quit() waits for Redis; with Redis away it would wait for ever.
      await Promise.all(
        clients.map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())),
      );
    },
  };
}
