import { languageStorageKey } from '../shared/languages';

/**
 * localStorage that never throws: private modes, blocked storage and sandboxed frames make the getter or
 * setItem throw, and the deck must still run (it then simply forgets choices).
 */
export function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: the choice lasts for this page only.
  }
}

export const languageKey = languageStorageKey;
export const notesLanguageKey = 'chuhai.notesLng';
