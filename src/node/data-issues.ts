/**
 * Turns zod issues into data problems: a path like `routes[2].path[3]` and a message
 * "<what is wrong>. <what to do>." Also the small helpers for reading raw (not yet validated) JSON safely.
 */
import type * as z from 'zod';
import { type DataFileName, UNITS } from '../shared/data-schema.ts';

export interface DataProblem {
  /** Relative to the project root, e.g. "data/voyages.json". */
  file: string;
  /** Inside the file, e.g. "routes[2].path[3]"; "top level" for the file as a whole. */
  path: string;
  /** "<what is wrong>. <what to do>." */
  message: string;
  /** 1-based line in the file of the value the path names (or of the object a missing key belongs to). */
  line?: number;
}

export type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  if (path.length === 0) return 'top level';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

// ---------------------------------------------------------------- reading raw values safely

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (Array.isArray(v) && typeof key === 'number') v = v[key];
    else if (isRecord(v) && typeof key === 'string') v = v[key];
    else return undefined;
  }
  return v;
}

export function items(root: unknown, key: string): Record<string, unknown>[] {
  const list = isRecord(root) ? root[key] : undefined;
  return Array.isArray(list) ? list.map((x) => (isRecord(x) ? x : {})) : [];
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const q = (v: unknown): string => JSON.stringify(v) ?? String(v);

// ---------------------------------------------------------------- zod issues → problems

const SINGULAR: Record<string, string> = {
  figures: 'figure',
  places: 'place',
  voyages: 'voyage',
  routes: 'route',
  moves: 'move',
  regions: 'region',
  events: 'event',
};

const DATE_FORMAT = '"YYYY", "YYYY-MM" or "YYYY-MM-DD"';
const FIELD_NEEDS: Record<string, string> = {
  id: 'an id in kebab-case (e.g. "calicut")',
  value: 'a value (a number >= 0)',
  unit: `a unit (one of ${UNITS.map(q).join(', ')})`,
  asOf: `an asOf date (${DATE_FORMAT})`,
  status: 'a status ("V", "P", "C", "U" or "B")',
  source: 'a source { name: { en, zh }, url }',
  name: 'a name { en, zh }',
  url: 'a url ("https://…")',
  lon: 'a lon (longitude from -180 to 180)',
  lat: 'a lat (latitude from -90 to 90)',
  country: 'a country (ISO 3166-1 numeric code as 3 digits, e.g. "156")',
  kind: 'a kind ("port", "city" or "origin")',
  n: 'a voyage number n (1 to 7)',
  'voyage.from': 'a from year (e.g. 1405)',
  'voyage.to': 'a to year (e.g. 1407)',
  'period.from': `a from date (${DATE_FORMAT})`,
  'period.to': `a to date (${DATE_FORMAT})`,
  'move.from': 'a from place id (an origin in data/places.json)',
  'move.to': 'a to list of place ids',
  terminus: 'a terminus (a place id)',
  stops: 'a stops list of place ids',
  step: 'a step (a whole number)',
  path: 'a path of at least two place ids',
  company: 'a company { en, zh }',
  what: 'a what text { en, zh }',
  date: `a date (${DATE_FORMAT})`,
  countries: 'a countries list of ISO numeric codes (e.g. ["504", "818"])',
  chart: 'a chart ("timeline-2024" or "capcut")',
};

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${q(v)}`;
  return `the ${typeof v} ${String(v)}`;
}

/** The owner of the field at the end of `path`: "figure" for figures[3].source, "source" for …source.url. */
function ownerName(path: Path): string {
  const parent = path[path.length - 2];
  if (typeof parent === 'number') {
    const list = path[path.length - 3];
    return SINGULAR[String(list)] ?? 'item';
  }
  return String(parent);
}

function lastField(path: Path): string {
  for (let k = path.length - 1; k >= 0; k--) {
    const key = path[k];
    if (typeof key === 'string') return key;
  }
  return '';
}

function missingMessage(path: Path, fileName: string): string {
  const field = String(path[path.length - 1]);
  if (path.length === 1) {
    const shape = DATA_FILE_SHAPES[fileName as DataFileName] ?? '{ … }';
    return `missing. The file must be ${shape}`;
  }
  const owner = ownerName(path);
  if (field === 'en' || field === 'zh') return `missing. Every ${owner} needs both "en" and "zh" texts`;
  const needs = FIELD_NEEDS[`${owner}.${field}`] ?? FIELD_NEEDS[field] ?? `a "${field}" field`;
  return `missing. Every ${owner} needs ${needs}`;
}

const DATE_FIELDS = new Set(['asOf', 'date', 'from', 'to']);

function wrongTypeMessage(expected: string, value: unknown, path: Path): string {
  const field = lastField(path);
  const got = describeValue(value);
  if (expected === 'int' && typeof value === 'number') {
    return `${value} is not a whole number. Use a whole number (e.g. ${Math.round(value)})`;
  }
  let todo = `Use ${EXPECTED[expected] ?? expected}`;
  if ((expected === 'number' || expected === 'int') && typeof value === 'string' && value.trim() !== '') {
    const n = Number(value.replace(/[,\s_]/g, ''));
    todo = Number.isFinite(n)
      ? `Write it as a number without quotes or separators (e.g. ${n})`
      : 'Write it as a number without quotes';
  } else if (expected === 'string' && typeof value === 'number') {
    if (field === 'country' || field === 'countries') {
      todo = `Write the code as 3 digits in quotes, zero-padded (e.g. ${q(String(value).padStart(3, '0'))})`;
    } else if (DATE_FIELDS.has(field)) todo = `Write the date in quotes (e.g. ${q(String(value))})`;
    else todo = `Write it in double quotes (e.g. ${q(String(value))})`;
  } else if (
    expected === 'object' &&
    (field === 'name' || field === 'caveat' || field === 'company' || field === 'what')
  ) {
    todo = 'Write it as { "en": "…", "zh": "…" }';
  }
  return `expected ${EXPECTED[expected] ?? expected}, got ${got}. ${todo}`;
}

export function issueProblems(
  issue: z.core.$ZodIssue,
  root: unknown,
  file: string,
  fileName: string,
): DataProblem[] {
  const path = issue.path;
  const problem = (p: Path, message: string): DataProblem => ({
    file,
    path: formatPath(p),
    message: message.endsWith('.') ? message : `${message}.`,
  });
  switch (issue.code) {
    case 'invalid_type': {
      const parent = valueAt(root, path.slice(0, -1));
      const key = path[path.length - 1];
      const absent = path.length > 0 && isRecord(parent) && typeof key === 'string' && !(key in parent);
      if (absent) return [problem(path, missingMessage(path, fileName))];
      if (path.length === 0) {
        const shape = DATA_FILE_SHAPES[fileName as DataFileName] ?? '{ … }';
        return [problem(path, `expected an object, got ${describeValue(root)}. The file must be ${shape}`)];
      }
      return [problem(path, wrongTypeMessage(issue.expected, valueAt(root, path), path))];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        problem(
          [...path, key],
          `unknown field ${q(key)}. Remove it or fix its spelling (the fields are listed in data/README.md)`,
        ),
      );
    case 'invalid_value': {
      const allowed = issue.values.map((v) => q(v)).join(', ');
      return [
        problem(path, `${q(valueAt(root, path))} is not a valid ${lastField(path)}. Use one of ${allowed}`),
      ];
    }
    default:
      return [
        problem(
          path,
          /[A-Z]/.test(issue.message[0] ?? '') ? `${issue.message}. See data/README.md` : issue.message,
        ),
      ];
  }
}

export const DATA_FILE_SHAPES: Record<DataFileName, string> = {
  'figures.json': '{ "figures": [ … ] }',
  'places.json': '{ "places": [ … ] }',
  'voyages.json': '{ "voyages": [ … ], "routes": [ … ] }',
  'expansion.json': '{ "moves": [ … ], "regions": [ … ] }',
  'events.json': '{ "events": [ … ] }',
  'routes.json': '{ "start": "…", "echoes": [ … ], "caveat": { "en": "…", "zh": "…" } }',
};
