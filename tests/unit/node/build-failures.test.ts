import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLocales } from '../../../src/node/check-locales';
import { checkProse } from '../../../src/node/prose-lint';
import { dataPlugin } from '../../../src/node/vite-plugin-data';
import { deckPlugin } from '../../../src/node/vite-plugin-deck';

/**
 * The build with broken content: each case copies the real slides, data and locales, breaks one thing, runs a
 * real Vite build, and checks that it stops with a message naming the file and line and what to do, and that
 * the output folder is left exactly as it was.
 */
const project = new URL('../../..', import.meta.url).pathname;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'chuhai-broken-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyProject(name: string): string {
  const root = join(work, name);
  for (const part of ['slides', 'data', 'src/i18n/locales'])
    cpSync(join(project, part), join(root, part), { recursive: true });
  return root;
}

function edit(root: string, file: string, change: (text: string) => string) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

async function buildFails(root: string): Promise<string> {
  const outDir = join(root, 'dist');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'index.html'), 'the previous build');
  const data = dataPlugin({ dir: join(root, 'data'), root });
  let message = '';
  try {
    await build({
      configFile: false,
      root: project,
      logLevel: 'silent',
      plugins: [
        data,
        deckPlugin({ root, checks: [data.check, () => checkLocales(root), () => checkProse(root)] }),
      ],
      build: { outDir, emptyOutDir: true, write: true },
    });
  } catch (error) {
    message = (error as Error).message;
  }
  // Nothing half-built: the output folder is as it was.
  expect(readdirSync(outDir)).toEqual(['index.html']);
  expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe('the previous build');
  expect(message, 'the build should have failed').not.toBe('');
  return message;
}

const cases: { name: string; breakIt: (root: string) => void; expected: RegExp }[] = [
  {
    name: 'a slide missing in one language',
    breakIt: (r) =>
      edit(r, 'slides/zh/07-success.md', (t) =>
        t.replace(/<!-- \.slide: id="rebranding"[\s\S]*?\n---\n/, ''),
      ),
    expected:
      /slides\/zh\/07-success\.md:1: slide "rebranding" \(slides\/en\/07-success\.md:\d+\) is missing in zh\. Add a slide/,
  },
  {
    name: 'slide ids out of order between languages',
    breakIt: (r) =>
      edit(r, 'slides/zh/04-competition.md', (t) => {
        const [a, b, c] = t.split('\n---\n');
        return [b, a, c].join('\n---\n');
      }),
    expected:
      /slides\/zh\/04-competition\.md:\d+: slide "price-war" is in position \d+, but in en position \d+ is "llm-boom" \(slides\/en\/04-competition\.md:1\)\. Put the slides in the same order/,
  },
  {
    name: 'a duplicate slide id',
    breakIt: (r) =>
      edit(r, 'slides/en/06-markets.md', (t) => t.replace('id="overseas-markets"', 'id="price-war"')),
    expected:
      /slides\/en\/06-markets\.md:1: slide id "price-war" is already used at slides\/en\/04-competition\.md:\d+\. Give each slide its own id/,
  },
  {
    name: 'a slide without notes',
    breakIt: (r) => edit(r, 'slides/en/06-markets.md', (t) => t.replace(/\nNote:[\s\S]*$/, '\n')),
    expected:
      /slides\/en\/06-markets\.md:1: slide "overseas-markets" has no speaker notes\. Add a `Note:` line/,
  },
  {
    name: 'a slide without an id',
    breakIt: (r) => edit(r, 'slides/zh/06-markets.md', (t) => t.replace(/<!-- \.slide: [^>]*-->/, '')),
    expected:
      /slides\/zh\/06-markets\.md:\d+: the slide has no id\. Add <!-- \.slide: id="a-stable-name" -->/,
  },
  {
    name: 'an unknown chart id',
    breakIt: (r) =>
      edit(r, 'slides/en/05-policy.md', (t) => t.replace('data-chart="funding"', 'data-chart="fundng"')),
    expected: /slides\/en\/05-policy\.md:\d+: unknown chart "fundng"\. Use one of: voyages-map/,
  },
  {
    name: "a chart whose fragment count doesn't match its steps",
    breakIt: (r) => {
      for (const lng of ['en', 'zh']) {
        edit(r, `slides/${lng}/02-landscape.md`, (t) =>
          t.replace(/ <!-- \.element: class="fragment" -->/, ''),
        );
      }
    },
    expected:
      /slides\/en\/02-landscape\.md:1: slide "ai-companies" has 1 fragment but chart "ai-companies" has 2 steps\. Give the slide exactly 2 fragments/,
  },
  {
    name: 'raw <script> in a slide',
    breakIt: (r) =>
      edit(r, 'slides/en/06-markets.md', (t) => t.replace('\nNote:', '\n<script>alert(1)</script>\n\nNote:')),
    expected: /slides\/en\/06-markets\.md:\d+: <script> is not allowed in a slide\. Slides are content only/,
  },
  {
    name: 'a javascript: link',
    breakIt: (r) =>
      edit(r, 'slides/zh/06-markets.md', (t) =>
        t.replace('\nNote:', '\n[点我](javascript:alert(1))\n\nNote:'),
      ),
    expected:
      /slides\/zh\/06-markets\.md:\d+: unsafe URL "javascript:alert\(1\)" in href\. Link to an https:\/\/ page/,
  },
  {
    name: 'a malformed <!-- .slide: --> comment',
    breakIt: (r) =>
      edit(r, 'slides/en/06-markets.md', (t) => t.replace('id="overseas-markets"', 'id=overseas-markets')),
    expected:
      /slides\/en\/06-markets\.md:1: malformed slide comment `<!-- \.slide: id=overseas-markets[^`]*`\. Write it as <!-- \.slide: id="my-slide"/,
  },
  {
    name: 'a data figure without a source',
    breakIt: (r) =>
      edit(r, 'data/figures.json', (t) => {
        const data = JSON.parse(t) as { figures: Record<string, unknown>[] };
        delete data.figures[0]!.source;
        return JSON.stringify(data, null, 2);
      }),
    expected: /data\/figures\.json:\d+: figures\[0\]\.source: missing\. Every figure needs a source/,
  },
  {
    name: 'a malformed date in data',
    breakIt: (r) => edit(r, 'data/figures.json', (t) => t.replace(/"asOf": "2024-06"/, '"asOf": "2024-13"')),
    expected: /data\/figures\.json:\d+: figures\[\d+\]\.asOf: /,
  },
  {
    name: 'a malformed number in data',
    breakIt: (r) => edit(r, 'data/figures.json', (t) => t.replace('"value": 1500', '"value": "1,500"')),
    expected: /data\/figures\.json:\d+: figures\[0\]\.value: /,
  },
  {
    name: 'an unknown place id',
    breakIt: (r) => edit(r, 'data/voyages.json', (t) => t.replace('"calicut"', '"calcut"')),
    expected:
      /data\/voyages\.json:\d+: \S+: unknown place id "calcut"\. Use one of the ids in data\/places\.json \(e\.g\. "calicut"\)\./,
  },
  {
    name: 'a locale key missing in one language',
    breakIt: (r) =>
      edit(r, 'src/i18n/locales/zh/ui.json', (t) => {
        const data = JSON.parse(t) as { language: Record<string, string> };
        delete data.language.changed;
        return JSON.stringify(data, null, 2);
      }),
    expected:
      /src\/i18n\/locales\/zh\/ui\.json:\d+: key "language\.changed" is missing \(it is in en\/ui\.json:\d+\)\. Add its zh text\./,
  },
  {
    name: 'Chinese prose with a half-width comma and no space before a number',
    breakIt: (r) =>
      edit(r, 'slides/zh/06-markets.md', (t) => t.replace('\nNote:\n', '\nNote:\n共有2024家公司,都在海外。')),
    expected: /slides\/zh\/06-markets\.md:\d+: zhlint: .*Write it as zhlint would: "[^"]*共有 2024 家公司，/,
  },
  {
    name: 'English prose spelling a term two ways',
    breakIt: (r) =>
      edit(r, 'slides/en/06-markets.md', (t) => t.replace('\nNote:\n', '\nNote:\nIn South-East Asia, ')),
    expected:
      /slides\/en\/06-markets\.md:\d+: textlint \(terminology\): Incorrect term: “South-East Asia”, use “Southeast Asia” instead\. Use the spelling/,
  },
];

describe('the build stops on broken content and leaves dist/ as it was', () => {
  it.each(cases)(
    '$name',
    async ({ name, breakIt, expected }) => {
      const root = copyProject(name.replace(/\W+/g, '-'));
      breakIt(root);
      expect(await buildFails(root)).toMatch(expected);
      // A real Vite build each: on a loaded 2-core machine one can take well over vitest's default 5 s.
    },
    60_000,
  );
});
