/**
 * Label placement for map points, pure so it runs in tests and the same way in every browser: no text
 * measuring (fonts may not be loaded yet), an estimated width per character instead, then a greedy pass
 * that tries each label's preferred spots and keeps the first that overlaps nothing placed before it.
 */

export type Anchor = 'start' | 'middle' | 'end';

export interface LabelSpot {
  dx: number;
  dy: number;
  anchor: Anchor;
}

/** Offsets from the point to the text's anchor (baseline), for 18–20 unit text. */
export const spots = {
  right: { dx: 10, dy: 6, anchor: 'start' },
  left: { dx: -10, dy: 6, anchor: 'end' },
  above: { dx: 0, dy: -11, anchor: 'middle' },
  below: { dx: 0, dy: 24, anchor: 'middle' },
  upRight: { dx: 7, dy: -7, anchor: 'start' },
  downRight: { dx: 7, dy: 20, anchor: 'start' },
  upLeft: { dx: -7, dy: -7, anchor: 'end' },
  downLeft: { dx: -7, dy: 20, anchor: 'end' },
} as const satisfies Record<string, LabelSpot>;

export type SpotName = keyof typeof spots;
const allSpots = Object.keys(spots) as SpotName[];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelInput {
  id: string;
  x: number;
  y: number;
  text: string;
  /** Spots to try first, best first; every other spot is tried after them. */
  prefer?: readonly SpotName[];
}

export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: Anchor;
  box: Box;
}

/** Estimated advance in em: CJK and full-width forms are square, Latin averages a bit over half. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80) em += 1;
    else if (ch === ' ' || ch === '.' || ch === ',' || ch === "'") em += 0.3;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[0-9]/.test(ch)) em += 0.58;
    else em += 0.54;
  }
  return em * size * (bold ? 1.06 : 1);
}

function labelBox(x: number, y: number, anchor: Anchor, width: number, size: number): Box {
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  // Baseline at y: ascenders (and CJK) reach about 0.85 em up, descenders 0.25 em down.
  return { x0, y0: y - size * 0.85, x1: x0 + width, y1: y + size * 0.25 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(a: Box, bounds: Box): boolean {
  return a.x0 >= bounds.x0 && a.x1 <= bounds.x1 && a.y0 >= bounds.y0 && a.y1 <= bounds.y1;
}

export interface PlaceOptions {
  size: number;
  bounds: Box;
  /** Boxes labels must not cover: point markers, legend, header. */
  obstacles?: readonly Box[];
}

/** Places labels in input order (put the most important first); a label with no free spot keeps its first choice. */
export function placeLabels(inputs: readonly LabelInput[], options: PlaceOptions): PlacedLabel[] {
  const taken: Box[] = [...(options.obstacles ?? [])];
  return inputs.map((input) => {
    const width = textWidth(input.text, options.size);
    const order = [...(input.prefer ?? []), ...allSpots.filter((s) => !input.prefer?.includes(s))];
    const candidates = order.map((name) => {
      const spot = spots[name];
      const x = input.x + spot.dx;
      const y = input.y + spot.dy;
      return { x, y, anchor: spot.anchor, box: labelBox(x, y, spot.anchor, width, options.size) };
    });
    const free = candidates.find(
      (c) => inside(c.box, options.bounds) && !taken.some((t) => overlaps(c.box, t)),
    );
    const chosen = free ?? candidates.find((c) => inside(c.box, options.bounds)) ?? candidates[0]!;
    taken.push(chosen.box);
    return { id: input.id, text: input.text, ...chosen };
  });
}

/** A square box around a point marker, as an obstacle. */
export function pointBox(x: number, y: number, r: number): Box {
  return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
}
