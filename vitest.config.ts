import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The chart registry imports virtual:data; in unit tests it is data/ validated as the build does it.
    alias: { 'virtual:data': fileURLToPath(new URL('tests/unit/virtual-data.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
