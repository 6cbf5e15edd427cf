import { parseArgs } from 'node:util';

export interface PresentOptions {
  port: number;
  host: string;
  publicUrl?: string;
  json: boolean;
  redisUrl?: string;
}

export const usage = `Usage: npm run present -- [--port 4317] [--host 0.0.0.0] [--public-url https://…/] [--json]
  --port         port to listen on (default 4317)
  --host         interface to listen on (default 0.0.0.0: phones on the same network can reach it)
  --public-url   the address people reach (behind a proxy or tunnel); the slides' QR codes show it
  --json         print the addresses as one JSON line
Environment: REDIS_URL=redis://… shares the room between several processes.`;

/** Parses `npm run present`'s arguments; throws an Error whose message says what to fix. */
export function parsePresentArgs(argv: string[], env: NodeJS.ProcessEnv = {}): PresentOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
  const port = Number(values.port ?? '4317');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".\n${usage}`);
  }
  let publicUrl: string | undefined;
  if (values['public-url']) {
    try {
      const url = new URL(values['public-url']);
      if (!/^https?:$/.test(url.protocol)) throw new Error('not http');
      if (!url.pathname.endsWith('/')) url.pathname += '/';
      publicUrl = url.toString();
    } catch {
      throw new Error(
        `--public-url must be an http(s) address such as https://talk.example.org/, not "${values['public-url']}".`,
      );
    }
  }
  return {
    port,
    host: values.host ?? '0.0.0.0',
    publicUrl,
    json: values.json ?? false,
    redisUrl: env.REDIS_URL || undefined,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'public-url': { type: 'string' },
      json: { type: 'boolean' },
    },
  });
}
