/**
 * Zod schemas for the files in data/ (see data/README.md). The build validates with them (src/node); browser code
 * takes only the types, with `import type`, and never loads zod. Each check carries its own message in the form
 * "<what is wrong>. <what to do>."; validate-data.ts adds the file and the path in front of it.
 * Checks that need more than one value (unique ids, place ids that exist, caveats for C/U/P, date order) live in
 * validate-data.ts.
 */
import * as z from 'zod';

export const STATUSES = ['V', 'P', 'C', 'U', 'B'] as const;
/** Statuses whose figures need a caveat saying what other sources say. */
export const STATUSES_NEEDING_CAVEAT: readonly Status[] = ['P', 'C', 'U'];
export const UNITS = [
  'companies',
  'models',
  'usd',
  'share',
  'users',
  'rounds',
  'apps',
  'months',
  'languages',
  'countries',
  /** Yuan per million input tokens (an API price). */
  'cny-per-mtok',
  'weeks',
] as const;
/** Units that count things, so their values are whole numbers. */
export const COUNT_UNITS: readonly Unit[] = [
  'companies',
  'models',
  'users',
  'rounds',
  'apps',
  'months',
  'languages',
  'countries',
  'weeks',
];
export const PLACE_KINDS = ['port', 'city', 'origin'] as const;
export const EVENT_CHARTS = ['timeline-2024', 'capcut', 'startups', 'who-pays'] as const;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", and a day that exists in that month (2024-02-29 yes, 2023-02-29 no). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const shown = (input: unknown): string => JSON.stringify(input) ?? String(input);

const nonEmpty = z.string().refine((s) => s.trim().length > 0, {
  error: 'empty text. Write the text in this language',
});

/** A text in both languages, both non-empty. */
export const TextSchema = z.strictObject({ en: nonEmpty, zh: nonEmpty });

export const SourceSchema = z.strictObject({
  name: TextSchema,
  url: z.string().regex(/^https?:\/\/\S+$/, {
    error: (iss) => `${shown(iss.input)} is not a web address. Use a full http(s) URL (e.g. "https://…")`,
  }),
});

export const StatusSchema = z.enum(STATUSES);
export const UnitSchema = z.enum(UNITS);

export const IsoDateSchema = z.string().refine(isRealIsoDate, {
  error: (iss) =>
    `${shown(iss.input)} is not a real date. Write it as "YYYY", "YYYY-MM" or "YYYY-MM-DD" (e.g. "2024-05" or "2024-03-05")`,
});

export const IdSchema = z.string().regex(KEBAB, {
  error: (iss) =>
    `${shown(iss.input)} is not a kebab-case id. Use lower-case letters, digits and single hyphens (e.g. "qui-nhon")`,
});

/** ISO 3166-1 numeric code as a zero-padded 3-character string, as world-atlas uses for feature ids. */
export const CountryCodeSchema = z.string().regex(/^\d{3}$/, {
  error: (iss) =>
    `${shown(iss.input)} is not a 3-character ISO 3166-1 numeric code. Write it as 3 digits, zero-padded (e.g. "050" for Bangladesh, "156" for China)`,
});

function intRange(min: number, max: number, what: string) {
  const error = (iss: { input?: unknown }) =>
    `${shown(iss.input)} is not ${what}. Use a whole number from ${min} to ${max}`;
  return z.int().min(min, { error }).max(max, { error });
}

// ---------------------------------------------------------------- figures.json

export const FigureSchema = z.strictObject({
  id: IdSchema,
  value: z.number().min(0, {
    error: (iss) =>
      `${shown(iss.input)} is negative. Use a number >= 0 (shares as fractions, e.g. 0.7 for 70 %)`,
  }),
  unit: UnitSchema,
  asOf: IsoDateSchema,
  period: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }).optional(),
  /** The article says "about" / "nearly". */
  approx: z.boolean().optional(),
  /** The article says "more than" / "over". */
  atLeast: z.boolean().optional(),
  status: StatusSchema,
  source: SourceSchema,
  caveat: TextSchema.optional(),
});

export const FiguresFileSchema = z.strictObject({ figures: z.array(FigureSchema) });

// ---------------------------------------------------------------- places.json

/** A longitude or latitude within ±limit, with one message for either end. */
function coordinate(limit: number, what: string) {
  const error = (iss: { input?: unknown }) => `${shown(iss.input)} is out of range. Use ${what}`;
  return z.number().min(-limit, { error }).max(limit, { error });
}

export const PlaceSchema = z.strictObject({
  id: IdSchema,
  name: TextSchema,
  lon: coordinate(180, 'a longitude from -180 to 180 (east positive)'),
  lat: coordinate(90, 'a latitude from -90 to 90 (north positive)'),
  country: CountryCodeSchema,
  kind: z.enum(PLACE_KINDS),
});

export const PlacesFileSchema = z.strictObject({ places: z.array(PlaceSchema) });

// ---------------------------------------------------------------- voyages.json

const VoyageYearSchema = intRange(1405, 1433, "a year of Zheng He's voyages");

export const VoyageSchema = z.strictObject({
  n: intRange(1, 7, 'a voyage number'),
  from: VoyageYearSchema,
  to: VoyageYearSchema,
  terminus: IdSchema,
  stops: z.array(IdSchema).min(1, { error: 'no stops. List the place ids of the voyage, westward' }),
});

export const RouteSchema = z.strictObject({
  id: IdSchema,
  step: intRange(1, 3, 'a step of the voyages map'),
  path: z
    .array(IdSchema)
    .min(2, { error: 'a path needs at least two place ids. List the places the line joins, in order' }),
});

export const VoyagesFileSchema = z.strictObject({
  voyages: z.array(VoyageSchema),
  routes: z.array(RouteSchema),
});

// ---------------------------------------------------------------- expansion.json

const ExpansionStepSchema = intRange(1, 4, 'a step of the expansion map');

export const MoveSchema = z.strictObject({
  id: IdSchema,
  step: ExpansionStepSchema,
  company: TextSchema,
  what: TextSchema,
  from: IdSchema,
  to: z.array(IdSchema).min(1, { error: 'no destinations. List at least one place id' }),
  date: IsoDateSchema,
  status: StatusSchema,
  source: SourceSchema.optional(),
  caveat: TextSchema.optional(),
});

export const RegionSchema = z.strictObject({
  id: IdSchema,
  step: ExpansionStepSchema,
  name: TextSchema,
  countries: z.array(CountryCodeSchema).min(1, { error: 'no countries. List at least one ISO numeric code' }),
});

export const ExpansionFileSchema = z.strictObject({
  moves: z.array(MoveSchema),
  regions: z.array(RegionSchema),
});

// ---------------------------------------------------------------- routes.json

const RoutesStepSchema = intRange(1, 4, 'a step of the routes-then-now map');

/** One step of the payoff map: a port of the voyages and the 2024 moves that land near it. */
export const EchoSchema = z.strictObject({
  id: IdSchema,
  step: RoutesStepSchema,
  /** The voyages.json route drawn at this step (null: the port is already on the route). */
  route: IdSchema.nullable(),
  /** Ports of the voyages (places.json) this step points at. */
  ports: z.array(IdSchema).min(1, { error: 'no ports. List at least one place id from data/places.json' }),
  /** 2024 moves (expansion.json ids), each with the one destination drawn here. */
  now: z.array(z.strictObject({ move: IdSchema, to: IdSchema })),
  /** expansion.json regions highlighted from this step. */
  regions: z.array(IdSchema),
  name: TextSchema,
});

export const RoutesFileSchema = z.strictObject({
  /** The voyages.json route shown before the first step: the first voyage's course, 1405. */
  start: IdSchema,
  echoes: z.array(EchoSchema),
  caveat: TextSchema,
});

// ---------------------------------------------------------------- events.json

export const EventSchema = z.strictObject({
  id: IdSchema,
  chart: z.enum(EVENT_CHARTS),
  step: z.int().min(0, { error: (iss) => `${shown(iss.input)} is not a step. Use a whole number from 0` }),
  date: IsoDateSchema,
  status: StatusSchema,
  source: SourceSchema.optional(),
  caveat: TextSchema.optional(),
  figure: IdSchema.optional(),
});

export const EventsFileSchema = z.strictObject({ events: z.array(EventSchema) });

/** The six files, by file name inside data/, in the order they are checked and reported. */
export const dataFileSchemas = {
  'figures.json': FiguresFileSchema,
  'places.json': PlacesFileSchema,
  'voyages.json': VoyagesFileSchema,
  'expansion.json': ExpansionFileSchema,
  'events.json': EventsFileSchema,
  'routes.json': RoutesFileSchema,
} as const;

export type DataFileName = keyof typeof dataFileSchemas;
export const DATA_FILE_NAMES = Object.keys(dataFileSchemas) as DataFileName[];

export type Text = z.infer<typeof TextSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type Unit = z.infer<typeof UnitSchema>;
/** "YYYY" | "YYYY-MM" | "YYYY-MM-DD", checked to be a real date. */
export type IsoDate = z.infer<typeof IsoDateSchema>;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type EventChart = (typeof EVENT_CHARTS)[number];

export type Figure = z.infer<typeof FigureSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type Voyage = z.infer<typeof VoyageSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type Move = z.infer<typeof MoveSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Event = z.infer<typeof EventSchema>;
/** Alias of Event for code where the DOM's Event is in scope. */
export type DataEvent = Event;

export type FiguresFile = z.infer<typeof FiguresFileSchema>;
export type PlacesFile = z.infer<typeof PlacesFileSchema>;
export type VoyagesFile = z.infer<typeof VoyagesFileSchema>;
export type ExpansionFile = z.infer<typeof ExpansionFileSchema>;
export type EventsFile = z.infer<typeof EventsFileSchema>;
export type Echo = z.infer<typeof EchoSchema>;
export type RoutesFile = z.infer<typeof RoutesFileSchema>;

/** The six data files after validation: what the build serves to the browser as `virtual:data`. */
export interface ValidatedData {
  figures: FiguresFile;
  places: PlacesFile;
  voyages: VoyagesFile;
  expansion: ExpansionFile;
  events: EventsFile;
  routes: RoutesFile;
}
