import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { median, percentile } from './bench-lib.ts';

/**
 * `npm run bench:room`: N audience connections (2,000 by default) on 127.0.0.1, one presenter sending E
 * navigation events (200); for every event and client, the time from the presenter's send to the client's
 * receipt. The floor is the same measure with one audience client, in the same run; the table gives each
 * figure and its ratio to the floor's median. Then the same over two relay processes sharing Redis, when
 * `redis-server` is installed. Clients and relays share this machine's cores: read CPU with the figures.
 */

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    events: { type: 'string', default: '200' },
    port: { type: 'string', default: process.env.DECK_PORT ?? '4431' },
    'redis-port': { type: 'string', default: process.env.ROOM_REDIS_PORT ?? '6391' },
  },
});
// Bounded: a load test stays on this machine and within these counts.
const clients = Math.min(5000, Math.max(1, Number(values.clients)));
const events = Math.min(1000, Math.max(1, Number(values.events)));
const basePort = Number(values.port);
const redisPort = Number(values['redis-port']);
// Ten a second: faster than any presenter, and under the relay's rate limit (20 a second per connection).
const eventGapMs = 100;
const token = 'bench-room-token-0123456789abcdef';

interface Relay {
  child: ChildProcess;
  origin: string;
  stop(): Promise<void>;
}

async function startRelay(port: number, env: Record<string, string> = {}): Promise<Relay> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server/present.ts', '--port', String(port), '--host', '127.0.0.1', '--json'],
    {
      env: { ...process.env, DECK_ROOM_TOKEN: token, DECK_PRESENT_NO_BUILD: '1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout! }), 'line'),
    once(child, 'exit').then(() => {
      throw new Error('the relay did not start (is dist/ built? run npm run build)');
    }),
  ]);
  const { audience } = JSON.parse(String(line)) as { audience: string };
  return {
    child,
    origin: new URL(audience).origin,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Resident memory and CPU seconds of a process, from /proc (Linux). */
function usage(pid: number): { rssBytes: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime + stime, fields 14 and 15
  return { rssBytes: rssKb * 1024, cpuSeconds: ticks / 100 };
}

const connect = (origin: string, auth: object): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = io(origin, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

interface Result {
  name: string;
  clients: number;
  latencies: number[];
  lost: number;
  bytesPerClient: number;
  relayCpu: number;
  benchCpu: number;
}

async function run(name: string, relays: Relay[], count: number, eventCount: number): Promise<Result> {
  const before = relays.map((r) => usage(r.child.pid!));
  const audience: Socket[] = [];
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  for (let i = 0; i < count; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, (_, k) =>
        connect(relays[(i + k) % relays.length]!.origin, { role: 'audience' }),
      ),
    );
    audience.push(...batch);
  }
  const connected = relays.map((r) => usage(r.child.pid!));
  const presenter = await connect(relays[0]!.origin, { role: 'presenter', token });
  let lastSeen = 0;
  for (const socket of audience) {
    // Each event counts once per client: with Redis, a process also re-sends the stored state now and then.
    let newest = -1;
    socket.on('state', (state: { view?: { f?: number } } | null) => {
      const f = state?.view?.f;
      const sent = f === undefined ? undefined : sentAt.get(f);
      if (f === undefined || sent === undefined || f <= newest) return;
      newest = f;
      latencies.push(performance.now() - sent);
      received++;
      lastSeen = performance.now();
    });
  }
  const benchCpuStart = process.cpuUsage();
  for (let e = 0; e < eventCount; e++) {
    sentAt.set(e, performance.now());
    presenter.emit('nav', { token, view: { h: 1, v: 0, f: e, paused: false, overview: false } });
    await new Promise((r) => setTimeout(r, eventGapMs));
  }
  // Settled: every expected delivery arrived, or nothing arrived for two seconds.
  const expected = eventCount * count;
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (received >= expected || performance.now() - lastSeen > 2000) {
        clearInterval(check);
        resolve();
      }
    }, 50);
  });
  const after = relays.map((r) => usage(r.child.pid!));
  const bench = process.cpuUsage(benchCpuStart);
  for (const socket of [...audience, presenter]) socket.disconnect();
  // Reset the relays' state for the next run: the next run's first event must be a change.
  const reset = await connect(relays[0]!.origin, { role: 'presenter', token });
  reset.emit('nav', { token, view: { h: 0, v: 0, f: -1, paused: false, overview: false } });
  await new Promise((r) => setTimeout(r, 200));
  reset.disconnect();
  const bytes = connected.reduce((sum, u, i) => sum + u.rssBytes - before[i]!.rssBytes, 0);
  return {
    name,
    clients: count,
    latencies,
    lost: expected - received,
    bytesPerClient: bytes / count,
    relayCpu: after.reduce((sum, u, i) => sum + u.cpuSeconds - before[i]!.cpuSeconds, 0),
    benchCpu: (bench.user + bench.system) / 1e6,
  };
}

function hasRedis(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function row(result: Result, floor: number): string {
  const l = result.latencies;
  const ms = (v: number) => `${v.toFixed(1)} ms (${(v / floor).toFixed(1)}×)`;
  return [
    result.name.padEnd(26),
    String(result.clients).padStart(6),
    ms(median(l)).padStart(20),
    ms(percentile(l, 95)).padStart(20),
    ms(percentile(l, 99)).padStart(20),
    ms(l.reduce((a, b) => Math.max(a, b), 0)).padStart(20),
    String(result.lost).padStart(6),
    // One connection's memory is lost in the process's noise: only meaningful for many.
    (result.clients >= 100 ? `${(result.bytesPerClient / 1024).toFixed(1)} KiB` : '–').padStart(11),
    `${result.relayCpu.toFixed(1)} s / ${result.benchCpu.toFixed(1)} s`.padStart(16),
  ].join(' ');
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const one = await startRelay(basePort);
  try {
    results.push(await run('floor: 1 client', [one], 1, Math.min(events, 50)));
    results.push(await run('one process', [one], clients, events));
  } finally {
    await one.stop();
  }
  if (hasRedis()) {
    const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', ''], {
      stdio: 'ignore',
    });
    try {
      await new Promise((r) => setTimeout(r, 500));
      const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };
      const a = await startRelay(basePort, env);
      const b = await startRelay(basePort + 1, env);
      try {
        results.push(await run('two processes over Redis', [a, b], clients, events));
      } finally {
        await a.stop();
        await b.stop();
      }
    } finally {
      redis.kill('SIGTERM');
      await once(redis, 'exit');
    }
  } else {
    console.log('redis-server not installed: the two-process run is skipped.');
  }
  const floor = median(results[0]!.latencies);
  console.log(
    `\nbench:room, ${events} events, ${eventGapMs} ms apart; latency from the presenter's send to each client's receipt,` +
      ' × the floor median\n',
  );
  console.log(
    [
      'run'.padEnd(26),
      'conns'.padStart(6),
      'median'.padStart(20),
      'p95'.padStart(20),
      'p99'.padStart(20),
      'max'.padStart(20),
      'lost'.padStart(6),
      'relay/conn'.padStart(11),
      'CPU relay/bench'.padStart(16),
    ].join(' '),
  );
  for (const result of results) console.log(row(result, floor));
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nClients and relays share this machine (${cpus().length} cores, load average ${load.join(' / ')} over 1/5/15 min);` +
      ' a dedicated relay would do better than these figures. "lost": deliveries that never arrived.',
  );
}

main().catch((error: unknown) => {
  console.error(`bench:room: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
