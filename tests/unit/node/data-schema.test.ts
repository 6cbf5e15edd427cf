import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataError, validateData, validateDataFiles } from '../../../src/node/validate-data';
import { DATA_FILE_NAMES, isRealIsoDate } from '../../../src/shared/data-schema';

const ROOT = resolve(__dirname, '../../..');
const DATA_DIR = join(ROOT, 'data');

/** The real data files as text. */
function realFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of DATA_FILE_NAMES) files[name] = readFileSync(join(DATA_DIR, name), 'utf8');
  return files;
}

type Json = Record<string, unknown>;

/** The real data with one file changed by `edit`, as text. */
function withEdit(name: string, edit: (data: Json) => void): Record<string, string> {
  const files = realFiles();
  const data = JSON.parse(files[name] as string) as Json;
  edit(data);
  files[name] = JSON.stringify(data, null, 2);
  return files;
}

function at(data: Json, ...path: (string | number)[]): Json {
  let v: unknown = data;
  for (const key of path) v = (v as Record<string | number, unknown>)[key];
  return v as Json;
}

/** The DataError message that validating `files` throws. */
function rawErrorOf(files: Record<string, string>): string {
  try {
    validateDataFiles(files);
  } catch (e) {
    if (e instanceof DataError) return e.message;
    throw e;
  }
  throw new Error('expected a DataError, but the data passed');
}

/** The message without the line numbers (asserted separately below, against the edited file's text). */
function errorOf(files: Record<string, string>): string {
  return rawErrorOf(files).replace(/^(data\/[a-z]+\.json):\d+:/gm, '$1:');
}

describe('the real data in data/', () => {
  it('passes validation from disk', () => {
    const data = validateData(DATA_DIR, ROOT);
    expect(data.figures.figures.length).toBeGreaterThanOrEqual(18);
    expect(data.places.places.length).toBe(40);
    expect(data.voyages.voyages.map((v) => v.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has every figure id the charts need, with the values of facts.md', () => {
    const { figures } = validateDataFiles(realFiles()).figures;
    const value = Object.fromEntries(figures.map((f) => [f.id, f.value]));
    expect(value).toMatchObject({
      'ai-companies-world': 1500,
      'ai-companies-china': 751,
      'ai-companies-abroad': 103,
      'llms-released': 238,
      'cac-registered-models': 197,
      'cac-industry-share': 0.7,
      'ai-firms-closed': 78612,
      'ai-firms-registered': 878000,
      'funding-2021': 24.9e9,
      'funding-2024h1': 4.4e9,
      'funding-2024h1-rounds': 372,
      'capcut-mau': 3e8,
      'capcut-revenue': 125e6,
      'huawei-north-africa-plan': 430e6,
      'alibaba-cloud-countries': 5,
      'qwen-languages': 29,
      'bytedance-apps': 11,
      'bytedance-apps-months': 7,
    });
  });

  it('has the routes and moves of each map step', () => {
    const data = validateDataFiles(realFiles());
    expect(data.voyages.routes.map((r) => [r.id, r.step])).toEqual([
      ['trunk', 1],
      ['calicut-hormuz', 2],
      ['branch-arabia', 3],
      ['branch-africa', 3],
    ]);
    expect(data.expansion.moves.map((m) => m.step)).toEqual([1, 2, 3, 4, 4, 4]);
    expect(data.events.events.filter((e) => e.chart === 'timeline-2024').map((e) => e.id)).toEqual([
      'ai-plus',
      'tc260',
      'go-saudi',
      'price-war',
      'alibaba-cloud',
      'huawei-north-africa',
      'capcut-revenue',
      'cac-labelling',
    ]);
  });
});

describe('isRealIsoDate', () => {
  it('accepts real dates at year, month and day precision', () => {
    for (const d of ['2024', '2024-05', '2024-02-29', '1405-07-11']) expect(isRealIsoDate(d)).toBe(true);
  });
  it('rejects impossible or badly written dates', () => {
    for (const d of ['2024-13', '2023-02-29', '2024-04-31', '2024-5', '24-05', '2024/05', '']) {
      expect(isRealIsoDate(d)).toBe(false);
    }
  });
});

describe('broken data: one exact message per problem', () => {
  it('a figure without a source', () => {
    const files = withEdit('figures.json', (d) => {
      delete at(d, 'figures', 3).source;
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[3].source: missing. Every figure needs a source { name: { en, zh }, url }.',
    );
  });

  it('a malformed date ("2024-13")', () => {
    const files = withEdit('figures.json', (d) => {
      at(d, 'figures', 0).asOf = '2024-13';
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[0].asOf: "2024-13" is not a real date. Write it as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (e.g. "2024-05" or "2024-03-05").',
    );
  });

  it('a negative number', () => {
    const files = withEdit('figures.json', (d) => {
      at(d, 'figures', 0).value = -1500;
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[0].value: -1500 is negative. Use a number >= 0 (shares as fractions, e.g. 0.7 for 70 %).',
    );
  });

  it('a number written as a string', () => {
    const files = withEdit('figures.json', (d) => {
      at(d, 'figures', 1).value = '1,500';
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[1].value: expected a number, got the string "1,500". Write it as a number without quotes or separators (e.g. 1500).',
    );
  });

  it('an unknown place id in a route', () => {
    const files = withEdit('voyages.json', (d) => {
      at(d, 'routes', 2, 'path')[3] = 'calcut';
    });
    expect(errorOf(files)).toBe(
      'data/voyages.json: routes[2].path[3]: unknown place id "calcut". Use one of the ids in data/places.json (e.g. "calicut").',
    );
  });

  it('an unknown place id in a move', () => {
    const files = withEdit('expansion.json', (d) => {
      at(d, 'moves', 2, 'to')[4] = 'mexico-cty';
    });
    expect(errorOf(files)).toBe(
      'data/expansion.json: moves[2].to[4]: unknown place id "mexico-cty". Use one of the ids in data/places.json (e.g. "mexico-city").',
    );
  });

  it('a duplicate id', () => {
    const files = withEdit('figures.json', (d) => {
      at(d, 'figures', 1).id = 'ai-companies-world';
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[1].id: duplicate id "ai-companies-world" (already used by figures[0]). Give each figure its own id.',
    );
  });

  it('a C status without a caveat', () => {
    const files = withEdit('figures.json', (d) => {
      const figure = at(d, 'figures', 3);
      expect(figure.status).toBe('C');
      delete figure.caveat;
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[3].caveat: missing. Status "C" needs a caveat { en, zh } saying what other sources say.',
    );
  });

  it('malformed JSON names the file, the line and the column', () => {
    const files = realFiles();
    files['figures.json'] = '{\n  "figures": [\n    { "id": "x" "value": 1 }\n  ]\n}\n';
    expect(errorOf(files)).toBe(
      'data/figures.json: line 3, column 17: malformed JSON: expected "," between items, found a string. Fix the syntax there (double quotes, commas between items, no trailing commas, no comments).',
    );
  });

  it('malformed JSON: a trailing comma', () => {
    const files = realFiles();
    files['places.json'] = '{\n  "places": [],\n}\n';
    expect(errorOf(files)).toBe(
      'data/places.json: line 2, column 15: malformed JSON: trailing comma before "}". Fix the syntax there (double quotes, commas between items, no trailing commas, no comments).',
    );
  });

  it('an ISO country code that is not 3 characters', () => {
    const files = withEdit('places.json', (d) => {
      at(d, 'places', 23).country = '50';
    });
    expect(errorOf(files)).toBe(
      'data/places.json: places[23].country: "50" is not a 3-character ISO 3166-1 numeric code. Write it as 3 digits, zero-padded (e.g. "050" for Bangladesh, "156" for China).',
    );
  });

  it('an ISO country code written as a number', () => {
    const files = withEdit('expansion.json', (d) => {
      at(d, 'regions', 0, 'countries')[0] = 50;
    });
    expect(errorOf(files)).toBe(
      'data/expansion.json: regions[0].countries[0]: expected a string, got the number 50. Write the code as 3 digits in quotes, zero-padded (e.g. "050").',
    );
  });

  it('a longitude out of range', () => {
    const files = withEdit('places.json', (d) => {
      at(d, 'places', 0).lon = 200;
    });
    expect(errorOf(files)).toBe(
      'data/places.json: places[0].lon: 200 is out of range. Use a longitude from -180 to 180 (east positive).',
    );
  });

  it('an unknown figure id in an event', () => {
    const files = withEdit('events.json', (d) => {
      at(d, 'events', 6).figure = 'capcut-revnue';
    });
    expect(errorOf(files)).toBe(
      'data/events.json: events[6].figure: unknown figure id "capcut-revnue". Use one of the ids in data/figures.json (e.g. "capcut-revenue").',
    );
  });

  it('an unknown move, route or port in the payoff map', () => {
    const files = withEdit('routes.json', (d) => {
      const echo = at(d, 'echoes', 2);
      echo.route = 'branch-arabya';
      (echo.now as { move: string }[])[0]!.move = 'tencent-go-saudy';
      (echo.ports as string[])[0] = 'jedah';
    });
    expect(errorOf(files)).toBe(
      [
        'data/routes.json: echoes[2].ports[0]: unknown place id "jedah". Use one of the ids in data/places.json (e.g. "jeddah").',
        'data/routes.json: echoes[2].route: unknown route id "branch-arabya". Use one of the ids in data/voyages.json (e.g. "branch-arabia").',
        'data/routes.json: echoes[2].now[0].move: unknown move id "tencent-go-saudy". Use one of the ids in data/expansion.json (e.g. "tencent-go-saudi").',
      ].join('\n'),
    );
  });

  it('an unknown field', () => {
    const files = withEdit('places.json', (d) => {
      at(d, 'places', 0).lng = 118.8;
    });
    expect(errorOf(files)).toBe(
      'data/places.json: places[0].lng: unknown field "lng". Remove it or fix its spelling (the fields are listed in data/README.md).',
    );
  });

  it('an event step beyond its chart', () => {
    const files = withEdit('events.json', (d) => {
      at(d, 'events', 8).step = 5;
    });
    expect(errorOf(files)).toBe(
      'data/events.json: events[8].step: 5 is beyond the last step of chart "capcut" (3). Use a step from 0 to 3.',
    );
  });

  it('a move that does not start at an origin', () => {
    const files = withEdit('expansion.json', (d) => {
      at(d, 'moves', 0).from = 'riyadh';
    });
    expect(errorOf(files)).toBe(
      'data/expansion.json: moves[0].from: "riyadh" is a city, not an origin. Use a place whose kind is "origin" (e.g. "origin-beijing").',
    );
  });

  it('a period that ends before it starts', () => {
    const files = withEdit('figures.json', (d) => {
      at(d, 'figures', 6).period = { from: '2024-07-29', to: '2022-11-30' };
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[6].period: from "2024-07-29" is after to "2022-11-30". Swap them or fix the dates.',
    );
  });

  it('a share written as a percentage', () => {
    const files = withEdit('figures.json', (d) => {
      at(d, 'figures', 5).value = 70;
    });
    expect(errorOf(files)).toBe(
      'data/figures.json: figures[5].value: 70 is above 1 for a share. Write shares as fractions (0.7 for 70 %).',
    );
  });

  it('a missing file', () => {
    const files = realFiles();
    delete files['events.json'];
    expect(errorOf(files)).toBe(
      'data/events.json: top level: file not found. Create it with the shape { "events": [ … ] } (see data/README.md).',
    );
  });

  it('lists every problem, one per line, in file order, and sets file and path to the first', () => {
    const files = withEdit('voyages.json', (d) => {
      at(d, 'routes', 2, 'path')[3] = 'calcut';
      at(d, 'voyages', 0).from = 1408;
    });
    const figures = JSON.parse(files['figures.json'] as string) as Json;
    delete at(figures, 'figures', 3).source;
    files['figures.json'] = JSON.stringify(figures);
    let error: unknown;
    try {
      validateDataFiles(files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const dataError = error as DataError;
    expect(dataError.message.replace(/^(data\/[a-z]+\.json):\d+:/gm, '$1:').split('\n')).toEqual([
      'data/figures.json: figures[3].source: missing. Every figure needs a source { name: { en, zh }, url }.',
      'data/voyages.json: voyages[0]: from 1408 is after to 1407. Swap them or fix the years.',
      'data/voyages.json: routes[2].path[3]: unknown place id "calcut". Use one of the ids in data/places.json (e.g. "calicut").',
    ]);
    expect(dataError.file).toBe('data/figures.json');
    expect(dataError.path).toBe('figures[3].source');
    expect(dataError.problems).toHaveLength(3);
  });
});

describe('validateData reads files from disk', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('names files relative to the project root', () => {
    dir = mkdtempSync(join(tmpdir(), 'data-schema-'));
    cpSync(DATA_DIR, join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'voyages.json'), '{ "voyages": [], "routes": [ ] ');
    expect(() => validateData(join(dir as string, 'data'), dir)).toThrow(
      new DataError([
        {
          file: 'data/voyages.json',
          path: 'line 1, column 32',
          message:
            'malformed JSON: expected "}" to close the object, found the end of the file. Fix the syntax there (double quotes, commas between items, no trailing commas, no comments).',
        },
      ]),
    );
  });
});

describe('data problems point at a line', () => {
  it('names the line of the value, or of the object a key is missing from', () => {
    const files = withEdit('figures.json', (d) => {
      delete at(d, 'figures', 3).source;
    });
    const lines = files['figures.json']!.split('\n');
    const id = String(at(JSON.parse(files['figures.json']!) as Json, 'figures', 3).id);
    const objectLine = lines.findIndex((l) => l.includes(`"id": "${id}"`));
    const message = rawErrorOf(files);
    const line = Number(/^data\/figures\.json:(\d+): figures\[3\]\.source: missing\./.exec(message)?.[1]);
    // The figure's opening brace is on the line before its "id".
    expect(line).toBe(objectLine);
  });

  it('points a bad place id at its own line', () => {
    const files = withEdit('voyages.json', (d) => {
      (at(d, 'routes', 0, 'path') as unknown as string[])[1] = 'nowhere';
    });
    const lines = files['voyages.json']!.split('\n');
    const message = rawErrorOf(files);
    const line = Number(/^data\/voyages\.json:(\d+): routes\[0\]\.path\[1\]/.exec(message)?.[1]);
    expect(lines[line - 1]).toContain('"nowhere"');
  });
});
