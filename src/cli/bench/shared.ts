/** What every phase of `npm run bench` (src/cli/bench.ts) shares: the project root, Chromium's flags and the output. */
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const chromiumArgs = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'];
export const viewport = { width: 1280, height: 720 };

export const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const startedAt = performance.now();
export const progress = (line: string): void => {
  process.stderr.write(`· ${((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);
};
