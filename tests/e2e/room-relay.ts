import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** A `npm run present` process for the room tests, serving the dist/ that Playwright's web server built. */
export interface Relay {
  audience: string;
  presenter: string;
  remote: string;
  origin: string;
  token: string;
  log: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startRelay(port: number, env: Record<string, string> = {}): Promise<Relay> {
  const child: ChildProcess = spawn(
    process.execPath,
    // tsx as a loader, not its CLI: one process, so a kill reaches the relay itself.
    ['--import', 'tsx', 'src/server/present.ts', '--port', String(port), '--host', '127.0.0.1', '--json'],
    { env: { ...process.env, DECK_PRESENT_NO_BUILD: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`present exited with ${code}: ${log.join('\n')}`);
    }),
  ]);
  const addresses = JSON.parse(first) as { audience: string; presenter: string; remote: string };
  return {
    ...addresses,
    origin: new URL(addresses.audience).origin,
    token: new URL(addresses.presenter).searchParams.get('presenter') ?? '',
    log,
    /** SIGKILL: the relay dies as in a crash, without closing its sockets. */
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await once(child, 'exit');
    },
  };
}
