/** The small part of fontkit 2.0.4 the font subsetter and its tests use (the package ships no types). */
declare module 'fontkit' {
  export interface VariationAxis {
    name: string;
    min: number;
    default: number;
    max: number;
  }

  export interface Font {
    readonly familyName: string;
    /** Every code point in the font's cmap. */
    readonly characterSet: number[];
    readonly variationAxes: Record<string, VariationAxis>;
    /** The hhea metrics, in font units (descent negative). */
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly lineGap: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }

  /** Reads a TTF, OTF, WOFF or WOFF2 font from a buffer. */
  export function create(buffer: Uint8Array): Font;
}
