import { join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { DATA_FILE_NAMES, type ValidatedData } from './data-schema';
import { validateData } from './validate-data';

const virtualId = 'virtual:data';
const resolvedId = `\0${virtualId}`;

export interface DataPluginOptions {
  /** The data/ folder. */
  dir: string;
  /** What messages name files relative to (default: the working directory). */
  root?: string;
}

/**
 * Validates data/*.json once at build start (a bad file stops the build with file:line problems) and serves
 * the validated result as `virtual:data`: the charts' only data source, so what they draw is what was checked.
 * The browser imports it lazily (src/charts/registry.ts), so the data stays out of the main chunk. In dev, a data
 * edit validates afresh and reloads the charts.
 */
export function dataPlugin(options: DataPluginOptions): Plugin {
  const dir = resolve(options.dir);
  const validate = (): ValidatedData => validateData(dir, options.root);
  // Validated at build start, so bad data stops the build before anything is bundled or written.
  let validated: ValidatedData | undefined;
  return {
    name: 'deck:data',
    buildStart() {
      validated = validate();
    },
    resolveId(id) {
      return id === virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      const data = validated ?? validate();
      validated = undefined; // a later load (a data edit in dev) validates afresh
      for (const name of DATA_FILE_NAMES) this.addWatchFile(join(dir, name));
      return `export default ${JSON.stringify(data)};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(dir + sep) || !file.endsWith('.json')) return undefined;
      const module = server.moduleGraph.getModuleById(resolvedId);
      if (!module) return undefined;
      server.moduleGraph.invalidateModule(module);
      return [module];
    },
  };
}
