import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SettingsStore } from '../core/ports.ts';

/**
 * Non-secret settings in one JSON file (the browser harness and tests; the app uses
 * electron-store). Writes go to a temp file and are renamed over, so a crash never
 * leaves half a file. A write the disk refuses throws (the core's guarded settings turn that
 * into a notice) but the value is kept in memory for this run, and no temp file is left behind.
 */
export function createJsonFileSettingsStore(path: string): SettingsStore {
  let values: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      values = parsed as Record<string, unknown>;
  } catch {
    values = {};
  }
  const persist = () => {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  };
  return {
    get: <T>(key: string) => structuredClone(values[key]) as T | undefined,
    set(key, value) {
      values = { ...values, [key]: structuredClone(value) };
      persist();
    },
    delete(key) {
      if (!(key in values)) return;
      const { [key]: _removed, ...rest } = values;
      values = rest;
      persist();
    },
  };
}
