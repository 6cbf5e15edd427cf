import { resolve } from 'node:path';
import { validateData } from '../../src/node/validate-data';

/** What `virtual:data` serves in the deck (src/node/vite-plugin-data.ts), for unit tests (see vitest.config.ts). */
const data = validateData(resolve(import.meta.dirname, '../../data'));
export default data;
