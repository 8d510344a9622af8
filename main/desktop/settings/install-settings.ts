import type { IpcMain } from 'electron';
import ElectronStoreImport from 'electron-store';
import type { SettingsStore } from '../../core/ports.ts';
import { createSettingsStore } from './electron-settings-store.ts';

// electron-store is ESM-only; the CJS main bundle require()s it and, under Node's require(esm),
// the bundler's interop hands back the module namespace rather than the class. Unwrap either shape.
const ElectronStore =
  (ElectronStoreImport as unknown as { default?: typeof ElectronStoreImport }).default ??
  ElectronStoreImport;

/** Non-secret settings in a JSON file in userData (electron-store). Call once ready. */
export function installSettings(deps: {
  ipcMain: Pick<IpcMain, 'removeAllListeners'>;
}): SettingsStore {
  const settings = createSettingsStore(new ElectronStore({ name: 'settings' }));
  // electron-store registers a sync IPC channel for renderer-side stores; our renderer has none,
  // and every channel main answers must be in the contract's allow-list, so it goes.
  deps.ipcMain.removeAllListeners('electron-store-get-data');
  return settings;
}
