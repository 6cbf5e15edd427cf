/**
 * Build-time validation of data/*.json: JSON syntax, the zod schemas of data-schema.ts, then the checks that
 * span several values or files. Every problem becomes one line
 * `<file>: <path inside it>: <what is wrong>. <what to do>.`, and all of them are thrown together as a DataError.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  DATA_FILE_NAMES,
  type DataFileName,
  dataFileSchemas,
  type EventsFile,
  type ExpansionFile,
  type FiguresFile,
  type PlacesFile,
  type RoutesFile,
  type ValidatedData,
  type VoyagesFile,
} from '../shared/data-schema.ts';
import { runCrossChecks } from './data-cross-checks.ts';
import { DATA_FILE_SHAPES, type DataProblem, formatPath, issueProblems, type Path } from './data-issues.ts';
import { findJsonSyntaxProblem, lineOfJsonPath } from './json-text.ts';

export type { ValidatedData } from '../shared/data-schema.ts';
export type { DataProblem } from './data-issues.ts';
export { formatPath } from './data-issues.ts';

export function formatDataProblem(p: DataProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.path}: ${p.message}`;
}

/** "routes[2].path[3]" → ["routes", 2, "path", 3]. */
function pathKeys(path: string): PropertyKey[] {
  return Array.from(path.matchAll(/([^.[\]]+)|\[(\d+)\]/g), (m) =>
    m[2] !== undefined ? Number(m[2]) : m[1]!,
  );
}

/** Thrown when data/ is wrong; the message lists every problem, one per line. `file`/`path` are the first's. */
export class DataError extends Error {
  readonly file: string;
  readonly path: string;
  readonly problems: readonly DataProblem[];
  constructor(problems: readonly DataProblem[]) {
    super(problems.map(formatDataProblem).join('\n'));
    this.name = 'DataError';
    this.problems = problems;
    this.file = problems[0]?.file ?? '';
    this.path = problems[0]?.path ?? '';
  }
}

// ---------------------------------------------------------------- entry points

/**
 * Validates the six data files given as text, keyed by file name ("figures.json", …). `dir` is the folder as
 * shown in messages, relative to the project root. Returns the typed data or throws a DataError listing
 * every problem.
 */
export function validateDataFiles(files: Record<string, string>, dir = 'data'): ValidatedData {
  const label = (name: DataFileName) => (dir === '' || dir === '.' ? name : `${dir}/${name}`);
  const byFile = new Map<DataFileName, DataProblem[]>(DATA_FILE_NAMES.map((n) => [n, []]));
  const add = (name: DataFileName, path: Path, message: string) => {
    byFile.get(name)?.push({
      file: label(name),
      path: formatPath(path),
      message: message.endsWith('.') ? message : `${message}.`,
    });
  };
  const raw: Partial<Record<DataFileName, unknown>> = {};
  const parsed: Partial<Record<DataFileName, unknown>> = {};

  for (const name of DATA_FILE_NAMES) {
    const text = files[name];
    if (text === undefined) {
      add(
        name,
        [],
        `file not found. Create it with the shape ${DATA_FILE_SHAPES[name]} (see data/README.md)`,
      );
      continue;
    }
    const body = text.replace(/^\uFEFF/, '');
    try {
      raw[name] = JSON.parse(body);
    } catch (e) {
      const where = findJsonSyntaxProblem(body);
      const reason = where?.reason ?? (e instanceof Error ? e.message : String(e));
      const at = where === null ? 'top level' : `line ${where.line}, column ${where.column}`;
      byFile.get(name)?.push({
        file: label(name),
        path: at,
        message: `malformed JSON: ${reason}. Fix the syntax there (double quotes, commas between items, no trailing commas, no comments).`,
      });
      continue;
    }
    const result = dataFileSchemas[name].safeParse(raw[name]);
    if (result.success) parsed[name] = result.data;
    else {
      for (const issue of result.error.issues)
        byFile.get(name)?.push(...issueProblems(issue, raw[name], label(name), name));
    }
  }

  runCrossChecks({ raw, label, add });

  const problems = DATA_FILE_NAMES.flatMap((name) =>
    (byFile.get(name) ?? []).map((p) =>
      // Point at the line too, where the file parsed and the path names a place in it.
      raw[name] !== undefined && p.path !== 'top level' && !p.line
        ? { ...p, line: lineOfJsonPath(files[name]!.replace(/^\uFEFF/, ''), pathKeys(p.path)) }
        : p,
    ),
  );
  if (problems.length > 0) throw new DataError(problems);
  return {
    figures: parsed['figures.json'] as FiguresFile,
    places: parsed['places.json'] as PlacesFile,
    voyages: parsed['voyages.json'] as VoyagesFile,
    expansion: parsed['expansion.json'] as ExpansionFile,
    events: parsed['events.json'] as EventsFile,
    routes: parsed['routes.json'] as RoutesFile,
  };
}

/** Reads data/*.json from `dataDir` and validates them; messages name files relative to `root`. */
export function validateData(dataDir: string, root: string = process.cwd()): ValidatedData {
  const files: Record<string, string> = {};
  for (const name of DATA_FILE_NAMES) {
    try {
      files[name] = readFileSync(join(dataDir, name), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  const dir = relative(root, dataDir).split(sep).join('/');
  return validateDataFiles(files, dir === '' ? '.' : dir);
}
