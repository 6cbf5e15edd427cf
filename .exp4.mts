import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
const dir = 'node_modules/@fontsource-variable/noto-sans-sc/files/';
for (const [s, t] of [['noto-sans-sc-119-wght-normal.woff2', 'A'], ['noto-sans-sc-119-wght-normal.woff2', '的']]) {
  for (const opts of [{}, { preserveNameIds: [] }]) {
  const out = await subsetFont(readFileSync(dir + s), t, { targetFormat: 'woff2', variationAxes: { wght: { min: 400, max: 700 } }, keepFeatures: ['halt', 'kern'], dropTables: ['vhea', 'vmtx', 'BASE'], noHinting: true, ...opts });
  console.log(s, t, out.length);
  }
}
