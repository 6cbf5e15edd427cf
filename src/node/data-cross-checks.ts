/**
 * Checks that span several values or files: unique ids, place and figure ids that exist, caveats for P/C/U,
 * date order, shares and counts, and event steps within their chart. They read the raw JSON defensively, so they
 * run (and report) even when the schema found other problems in the same file.
 */
import { chartCatalog, isChartId } from '../shared/catalog.ts';
import {
  COUNT_UNITS,
  type DataFileName,
  isRealIsoDate,
  STATUSES_NEEDING_CAVEAT,
  type Status,
  type Unit,
} from '../shared/data-schema.ts';
import { isRecord, items, type Path, q, str } from './data-issues.ts';

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

function closest(id: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Date strings as comparable [start, end] days, e.g. "2024-07" → ["2024-07-01", "2024-07-31"]. */
function dateSpan(d: string): [string, string] {
  const [y, m, day] = d.split('-');
  if (day !== undefined) return [d, d];
  if (m !== undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return [`${y}-${m}-01`, `${y}-${m}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

export interface CheckContext {
  raw: Partial<Record<DataFileName, unknown>>;
  label: (name: DataFileName) => string;
  add: (name: DataFileName, path: Path, message: string) => void;
}

function checkUniqueIds(ctx: CheckContext, name: DataFileName, list: string, what: string): void {
  const seen = new Map<string, number>();
  items(ctx.raw[name], list).forEach((item, i) => {
    const id = str(item.id);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      ctx.add(
        name,
        [list, i, 'id'],
        `duplicate id ${q(id)} (already used by ${list}[${first}]). Give each ${what} its own id`,
      );
  });
}

function checkCaveats(ctx: CheckContext, name: DataFileName, list: string): void {
  items(ctx.raw[name], list).forEach((item, i) => {
    const status = str(item.status);
    if (status === undefined || !STATUSES_NEEDING_CAVEAT.includes(status as Status)) return;
    if (item.caveat === undefined) {
      ctx.add(
        name,
        [list, i, 'caveat'],
        `missing. Status ${q(status)} needs a caveat { en, zh } saying what other sources say`,
      );
    }
  });
}

function checkFigures(ctx: CheckContext): void {
  checkUniqueIds(ctx, 'figures.json', 'figures', 'figure');
  checkCaveats(ctx, 'figures.json', 'figures');
  items(ctx.raw['figures.json'], 'figures').forEach((f, i) => {
    const unit = str(f.unit) as Unit | undefined;
    const value = f.value;
    if (typeof value === 'number' && value >= 0) {
      if (unit === 'share' && value > 1) {
        ctx.add(
          'figures.json',
          ['figures', i, 'value'],
          `${value} is above 1 for a share. Write shares as fractions (0.7 for 70 %)`,
        );
      } else if (unit !== undefined && COUNT_UNITS.includes(unit) && !Number.isInteger(value)) {
        ctx.add(
          'figures.json',
          ['figures', i, 'value'],
          `${value} is not a whole number of ${unit}. Use a whole number`,
        );
      }
    }
    const period = f.period;
    const from = isRecord(period) ? str(period.from) : undefined;
    const to = isRecord(period) ? str(period.to) : undefined;
    if (from && to && isRealIsoDate(from) && isRealIsoDate(to) && dateSpan(from)[0] > dateSpan(to)[1]) {
      ctx.add(
        'figures.json',
        ['figures', i, 'period'],
        `from ${q(from)} is after to ${q(to)}. Swap them or fix the dates`,
      );
    }
  });
}

function knownIds(ctx: CheckContext, name: DataFileName, list: string): string[] | undefined {
  const root = ctx.raw[name];
  if (!isRecord(root) || !Array.isArray(root[list])) return undefined;
  return items(root, list)
    .map((x) => str(x.id))
    .filter((id): id is string => id !== undefined);
}

function checkReferences(
  ctx: CheckContext,
  name: DataFileName,
  refs: [Path, unknown][],
  known: string[] | undefined,
  target: DataFileName,
  what: string,
): void {
  if (known === undefined) return;
  const set = new Set(known);
  for (const [path, value] of refs) {
    const id = str(value);
    if (id === undefined || set.has(id)) continue;
    const hint = closest(id, known);
    const example = hint === undefined ? '' : ` (e.g. ${q(hint)})`;
    ctx.add(name, path, `unknown ${what} id ${q(id)}. Use one of the ids in ${ctx.label(target)}${example}`);
  }
}

function listRefs(item: Record<string, unknown>, base: Path, key: string): [Path, unknown][] {
  const list = item[key];
  return Array.isArray(list) ? list.map((v, k): [Path, unknown] => [[...base, key, k], v]) : [];
}

function checkVoyages(ctx: CheckContext, placeIds: string[] | undefined): void {
  const name = 'voyages.json';
  const root = ctx.raw[name];
  checkUniqueIds(ctx, name, 'routes', 'route');
  const refs: [Path, unknown][] = [];
  const seenN = new Map<number, number>();
  items(root, 'voyages').forEach((v, i) => {
    const base = ['voyages', i];
    if (typeof v.n === 'number') {
      const first = seenN.get(v.n);
      if (first === undefined) seenN.set(v.n, i);
      else
        ctx.add(
          name,
          [...base, 'n'],
          `duplicate voyage number ${v.n} (already used by voyages[${first}]). Number the voyages 1 to 7, once each`,
        );
    }
    if (typeof v.from === 'number' && typeof v.to === 'number' && v.from > v.to) {
      ctx.add(name, base, `from ${v.from} is after to ${v.to}. Swap them or fix the years`);
    }
    const terminus = str(v.terminus);
    refs.push([[...base, 'terminus'], v.terminus], ...listRefs(v, base, 'stops'));
    const stops = Array.isArray(v.stops) ? v.stops : [];
    if (terminus !== undefined && stops.length > 0 && !stops.includes(terminus)) {
      ctx.add(
        name,
        [...base, 'terminus'],
        `${q(terminus)} is not among the voyage's stops. Add it to stops or fix the terminus`,
      );
    }
  });
  items(root, 'routes').forEach((r, i) => {
    refs.push(...listRefs(r, ['routes', i], 'path'));
  });
  checkReferences(ctx, name, refs, placeIds, 'places.json', 'place');
}

function checkExpansion(ctx: CheckContext, placeIds: string[] | undefined): void {
  const name = 'expansion.json';
  const root = ctx.raw[name];
  checkUniqueIds(ctx, name, 'moves', 'move');
  checkUniqueIds(ctx, name, 'regions', 'region');
  checkCaveats(ctx, name, 'moves');
  const places = items(ctx.raw['places.json'], 'places');
  const origins = places.filter((p) => p.kind === 'origin').map((p) => str(p.id));
  const refs: [Path, unknown][] = [];
  items(root, 'moves').forEach((m, i) => {
    const base = ['moves', i];
    refs.push([[...base, 'from'], m.from], ...listRefs(m, base, 'to'));
    const from = str(m.from);
    const place = places.find((p) => p.id === from);
    const kind = place === undefined ? undefined : str(place.kind);
    if (kind !== undefined && kind !== 'origin') {
      const example = origins[0] === undefined ? '' : ` (e.g. ${q(origins[0])})`;
      ctx.add(
        name,
        [...base, 'from'],
        `${q(from)} is a ${kind}, not an origin. Use a place whose kind is "origin"${example}`,
      );
    }
  });
  checkReferences(ctx, name, refs, placeIds, 'places.json', 'place');
}

function checkEvents(ctx: CheckContext, figureIds: string[] | undefined): void {
  const name = 'events.json';
  checkUniqueIds(ctx, name, 'events', 'event');
  checkCaveats(ctx, name, 'events');
  const refs: [Path, unknown][] = [];
  items(ctx.raw[name], 'events').forEach((e, i) => {
    if (e.figure !== undefined) refs.push([['events', i, 'figure'], e.figure]);
    const chart = str(e.chart);
    if (chart !== undefined && isChartId(chart) && typeof e.step === 'number') {
      const last = chartCatalog[chart].steps;
      if (e.step > last) {
        ctx.add(
          name,
          ['events', i, 'step'],
          `${e.step} is beyond the last step of chart ${q(chart)} (${last}). Use a step from 0 to ${last}`,
        );
      }
    }
  });
  checkReferences(ctx, name, refs, figureIds, 'figures.json', 'figure');
}

/** The payoff map's steps point into places, voyages' routes and expansion's moves and regions. */
function checkRoutes(ctx: CheckContext, placeIds: string[] | undefined): void {
  const name = 'routes.json';
  const root = ctx.raw[name];
  checkUniqueIds(ctx, name, 'echoes', 'step of the map');
  const places: [Path, unknown][] = [];
  const routes: [Path, unknown][] = isRecord(root) ? [[['start'], root.start]] : [];
  const moves: [Path, unknown][] = [];
  const regions: [Path, unknown][] = [];
  items(root, 'echoes').forEach((e, i) => {
    const base = ['echoes', i];
    places.push(...listRefs(e, base, 'ports'));
    if (e.route !== null && e.route !== undefined) routes.push([[...base, 'route'], e.route]);
    regions.push(...listRefs(e, base, 'regions'));
    items(e, 'now').forEach((n, k) => {
      moves.push([[...base, 'now', k, 'move'], n.move]);
      places.push([[...base, 'now', k, 'to'], n.to]);
    });
  });
  checkReferences(ctx, name, places, placeIds, 'places.json', 'place');
  checkReferences(ctx, name, routes, knownIds(ctx, 'voyages.json', 'routes'), 'voyages.json', 'route');
  checkReferences(ctx, name, moves, knownIds(ctx, 'expansion.json', 'moves'), 'expansion.json', 'move');
  checkReferences(ctx, name, regions, knownIds(ctx, 'expansion.json', 'regions'), 'expansion.json', 'region');
}

/** Runs every check; problems go through `ctx.add`. */
export function runCrossChecks(ctx: CheckContext): void {
  checkFigures(ctx);
  checkUniqueIds(ctx, 'places.json', 'places', 'place');
  const placeIds = knownIds(ctx, 'places.json', 'places');
  checkVoyages(ctx, placeIds);
  checkExpansion(ctx, placeIds);
  checkEvents(ctx, knownIds(ctx, 'figures.json', 'figures'));
  checkRoutes(ctx, placeIds);
}
