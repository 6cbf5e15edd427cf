/** subset-font 2.9.0 (harfbuzz hb-subset in wasm); the package ships no types. */
declare module 'subset-font' {
  export interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    /** OpenType feature tags to keep; all are kept by default. */
    keepFeatures?: string[];
    /** Pin an axis (`wght: 400`) or narrow it (`wght: { min: 400, max: 700 }`). */
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    keepAllGlyphs?: boolean;
    noLayoutClosure?: boolean;
    glyphNames?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }

  export default function subsetFont(
    buffer: Uint8Array,
    text: string | null | undefined,
    options?: SubsetFontOptions,
  ): Promise<Buffer>;
}
