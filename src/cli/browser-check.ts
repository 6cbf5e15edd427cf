import { spawnSync } from 'node:child_process';
import { chromiumHelp, findChromium } from './find-chromium.ts';

/**
 * Runs before the end-to-end tests: finds Chromium, or installs Debian's where it can (root with apt-get),
 * or says exactly how to get one.
 */
function main(): number {
  const found = findChromium();
  if (found) {
    console.log(`Chromium: ${found}`);
    return 0;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium and fonts-noto-cjk with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync(
      'apt-get',
      ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk', 'poppler-utils'],
      {
        stdio: 'inherit',
        env,
      },
    );
    const after = findChromium();
    if (install.status === 0 && after) {
      console.log(`Chromium: ${after}`);
      return 0;
    }
  }
  console.error(chromiumHelp);
  return 1;
}

process.exit(main());
