import type { Redis } from 'ioredis';
import { type LiveState, nextLiveState, type View } from '../shared/room.ts';
import { liveStateSchema } from '../shared/room-schema.ts';

/**
 * Where the room's live state lives. One process: in memory. Several processes: in Redis, so a process that
 * started after the last navigation, or a phone connected to another process, still gets the current slide.
 */
export interface StateStore {
  get(): Promise<LiveState | null>;
  /** Applies a navigation; the new state, or null when it changes nothing. */
  apply(view: View): Promise<LiveState | null>;
  getNotesLng(): Promise<string | null>;
  setNotesLng(lng: string): Promise<void>;
}

export function createMemoryStore(): StateStore {
  let state: LiveState | null = null;
  let notesLng: string | null = null;
  return {
    get: async () => state,
    async apply(view) {
      const next = nextLiveState(state, view);
      if (next) state = next;
      return next;
    },
    getNotesLng: async () => notesLng,
    async setNotesLng(lng) {
      notesLng = lng;
    },
  };
}

/** Writes the new state only if no other process wrote since we read it (compare and set on the sequence). */
const compareAndSet = `
local cur = redis.call('GET', KEYS[1])
local seq = 0
if cur then seq = cjson.decode(cur).seq end
if seq ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1`;

export interface RedisStoreOptions {
  key?: string;
  log?: (message: string) => void;
}

/**
 * The state in Redis, with this process's last known copy as the fallback: if Redis goes away, the process keeps
 * serving its own clients from memory and says so; when Redis returns, a newer local state is written back.
 */
export function createRedisStore(client: Redis, options: RedisStoreOptions = {}): StateStore {
  const key = options.key ?? 'chuhai:room:talk';
  const log = options.log ?? (() => {});
  const local = createMemoryStore();
  let localState: LiveState | null = null;
  let degraded = false;

  const parse = (raw: string | null): LiveState | null => {
    if (!raw) return null;
    try {
      const parsed = liveStateSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null; // not ours, or damaged: the next navigation overwrites it
    }
  };
  const fail = (error: unknown) => {
    if (!degraded)
      log(
        `room: Redis unavailable (${(error as Error).message}); serving this process's clients from memory`,
      );
    degraded = true;
  };

  client.on('ready', () => {
    if (degraded) log('room: Redis is back; sharing the room again');
    degraded = false;
    void (async () => {
      const remote = parse(await client.get(key));
      if (localState && (!remote || localState.seq > remote.seq))
        await client.set(key, JSON.stringify(localState));
    })().catch(fail);
  });

  async function apply(view: View): Promise<LiveState | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = parse(await client.get(key));
      const next = nextLiveState(current, view);
      if (!next) return null;
      const written = await client.eval(
        compareAndSet,
        1,
        key,
        String(current?.seq ?? 0),
        JSON.stringify(next),
      );
      if (written === 1) {
        localState = next;
        return next;
      }
    }
    return null; // five writers in a row won the race: theirs stands
  }

  return {
    async get() {
      try {
        const state = parse(await client.get(key));
        if (state) localState = state;
        return state ?? localState;
      } catch (error) {
        fail(error);
        return localState;
      }
    },
    async apply(view) {
      try {
        return await apply(view);
      } catch (error) {
        fail(error);
        const next = nextLiveState(localState, view);
        if (next) localState = next;
        return next;
      }
    },
    async getNotesLng() {
      try {
        return (await client.get(`${key}:notes`)) ?? (await local.getNotesLng());
      } catch (error) {
        fail(error);
        return local.getNotesLng();
      }
    },
    async setNotesLng(lng) {
      await local.setNotesLng(lng);
      try {
        await client.set(`${key}:notes`, lng);
      } catch (error) {
        fail(error);
      }
    },
  };
}
