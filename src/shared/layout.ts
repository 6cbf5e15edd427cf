/**
 * The slide layout reveal.js is configured with. Kept free of imports: the build's Content-Security-Policy
 * plugin (vite.config.ts) reads it too, because reveal's print view writes a stylesheet whose text, and so
 * whose CSP hash, depends on these numbers.
 */
export const slideLayout = { width: 1280, height: 720, margin: 0.04 } as const;
