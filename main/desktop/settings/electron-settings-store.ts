import type { SettingsStore } from '../../core/ports.ts';

/** The part of electron-store the app uses; taking it as a parameter keeps this testable without Electron. */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** SettingsStore over electron-store (a JSON file in userData). Secrets never go here. */
export function createSettingsStore(file: KeyValueFile): SettingsStore {
  return {
    get: <T>(key: string) => file.get(key) as T | undefined,
    set: (key, value) => {
      // electron-store rejects undefined; deleting says the same thing.
      if (value === undefined) file.delete(key);
      else file.set(key, value);
    },
    delete: (key) => file.delete(key),
  };
}
