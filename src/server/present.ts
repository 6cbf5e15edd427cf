import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import QRCode from 'qrcode';
import { localBase, roomAddresses } from './addresses.ts';
import { parsePresentArgs } from './args.ts';
import { createDeckHandler } from './http.ts';
import { startRoomServer } from './room-server.ts';
import { createToken } from './token.ts';

/**
 * `npm run present`: builds dist/ (the QR codes on the slides carry the audience address), then serves the deck
 * and runs the room's relay in this one process. Prints the audience, presenter and remote addresses.
 */

function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    const found = list?.find((a) => a.family === 'IPv4' && !a.internal);
    if (found) return found.address;
  }
  return undefined;
}

async function main(): Promise<void> {
  const options = parsePresentArgs(process.argv.slice(2), process.env);
  const root = resolve(import.meta.dirname, '../..');
  // Several processes behind one address share a token (DECK_ROOM_TOKEN); one process makes its own.
  const shared = process.env.DECK_ROOM_TOKEN;
  if (shared !== undefined && shared.length < 22) {
    throw new Error(
      'DECK_ROOM_TOKEN must be at least 22 characters (128 random bits), e.g. from: openssl rand -base64 32',
    );
  }
  const token = shared || createToken();
  const log = (message: string) => console.error(message);
  const server = await startRoomServer({ ...options, token, log });
  const base = options.publicUrl ?? localBase(options.host, server.port, lanAddress());
  const addresses = roomAddresses(base, token);

  // Always build: a warm build takes about half a second, and a stale dist/ would show old slides or QR codes.
  // DECK_PRESENT_NO_BUILD serves dist/ as it is (the e2e tests, which build once for many relays).
  if (!process.env.DECK_PRESENT_NO_BUILD) {
    process.env.DECK_PUBLIC_URL = addresses.audience;
    const { build } = await import('vite');
    await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'error' });
  }
  server.serve(createDeckHandler(resolve(root, 'dist')));

  if (options.json) {
    console.log(JSON.stringify({ ...addresses, port: server.port, redis: Boolean(options.redisUrl) }));
  } else {
    const qr = await QRCode.toString(addresses.audience, { type: 'terminal', small: true, margin: 1 });
    console.log(
      [
        '',
        '出海 · Going Global: the live room',
        '',
        `Audience (share it, or let them scan):  ${addresses.audience}`,
        qr,
        `Presenter (keep it private):            ${addresses.presenter}`,
        `Remote (the presenter's phone):         ${addresses.remote}`,
        '',
        options.redisUrl
          ? 'Room state: shared through Redis (REDIS_URL).'
          : 'Room state: in this process (set REDIS_URL to share it between processes).',
        'Ctrl+C stops the room.',
      ].join('\n'),
    );
  }

  // A relay never falls over on one failed promise (a library's, during a Redis outage): it says so and serves on.
  process.on('unhandledRejection', (reason) =>
    log(`room: unexpected error, still serving: ${String(reason)}`),
  );

  const stop = () => {
    // Stop within two seconds whatever is still open.
    setTimeout(() => process.exit(0), 2000).unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`npm run present: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
