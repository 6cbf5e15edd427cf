import { join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { DATA_FILE_NAMES, type ValidatedData } from '../shared/data-schema.ts';
import { validateData } from './validate-data.ts';

const virtualId = 'virtual:data';
const resolvedId = `\0${virtualId}`;

export interface DataPluginOptions {
  /** The data/ folder. */
  dir: string;
  /** What messages name files relative to (default: the working directory). */
  root?: string;
}

export interface DataPlugin extends Plugin {
  /**
   * Validates data/ and keeps the result for `virtual:data`; throws a DataError listing every problem. Give it to
   * the deck plugin's checks, which run it at build start (bad data stops the build before anything is bundled)
   * and on every content edit in dev (the error in the terminal and the overlay).
   */
  check(): void;
}

/**
 * Serves data/*.json, validated, as `virtual:data`: the charts' only data source, so what they draw is what was
 * checked. The browser imports it lazily (src/charts/registry.ts), which keeps the data out of the main chunk.
 * Validation runs once per build (through `check`, else on first load); in dev, a data edit reloads the charts.
 */
export function dataPlugin(options: DataPluginOptions): DataPlugin {
  const dir = resolve(options.dir);
  let validated: ValidatedData | undefined;
  const check = (): void => {
    validated = undefined;
    validated = validateData(dir, options.root);
  };
  return {
    name: 'deck:data',
    check,
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      if (!validated) check();
      for (const name of DATA_FILE_NAMES) this.addWatchFile(join(dir, name));
      return `export default ${JSON.stringify(validated)};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(dir + sep) || !file.endsWith('.json')) return undefined;
      // The deck plugin's checks (later in the list) validate the edit, and keep the page as it is if it fails.
      validated = undefined;
      const module = server.moduleGraph.getModuleById(resolvedId);
      if (!module) return undefined;
      server.moduleGraph.invalidateModule(module);
      return [module];
    },
  };
}
