// Settings that never throw. Settings and the meeting cache are conveniences: a data folder the
// disk refuses (read-only, full, a file where the folder should be) must not fail a sign-in that
// already succeeded, nor hide data that loaded. A refused write is kept in memory for this run
// and a notice says that settings cannot be saved.
import type { Notice } from '../../../preload/contract.ts';
import type { Logger, SettingsStore } from '../ports.ts';

export interface GuardedSettings extends SettingsStore {
  /** Set while at least one setting lives only in memory because the store refused it. */
  unsavedNotice(): Notice | null;
  /** Called when unsavedNotice() starts or stops being set; returns an unsubscribe. */
  onUnsavedChange(listener: () => void): () => void;
}

export const SETTINGS_UNSAVED_NOTICE: Notice = {
  code: 'settings_unwritable',
  message:
    "Meeting Tray can't save its settings on this computer; everything works until you quit.",
};

/** What a refused write meant to leave behind, served from memory until a write succeeds. */
type Unsaved = { kind: 'value'; value: unknown } | { kind: 'deleted' };

export function createGuardedSettings(inner: SettingsStore, logger: Logger): GuardedSettings {
  const unsaved = new Map<string, Unsaved>();
  const listeners = new Set<() => void>();
  let failing = false;

  const announce = () => {
    if (failing === unsaved.size > 0) return;
    failing = unsaved.size > 0;
    for (const listener of [...listeners]) listener();
  };

  const write = (key: string, wanted: Unsaved, persist: () => void) => {
    try {
      persist();
      unsaved.delete(key);
    } catch (error) {
      unsaved.set(key, wanted);
      // The key names a setting ('cache.v1'), never a secret; the error's code is enough.
      logger.warn('a setting could not be saved; keeping it in memory', {
        key,
        error: errorCode(error),
      });
    }
    announce();
  };

  return {
    get<T>(key: string): T | undefined {
      const kept = unsaved.get(key);
      if (kept) return kept.kind === 'deleted' ? undefined : (structuredClone(kept.value) as T);
      try {
        return inner.get<T>(key);
      } catch (error) {
        logger.warn('a setting could not be read', { key, error: errorCode(error) });
        return undefined;
      }
    },
    set(key, value) {
      write(key, { kind: 'value', value: structuredClone(value) }, () => inner.set(key, value));
    },
    delete(key) {
      write(key, { kind: 'deleted' }, () => inner.delete(key));
    },
    unsavedNotice: () => (unsaved.size > 0 ? SETTINGS_UNSAVED_NOTICE : null),
    onUnsavedChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String(error.code);
  return error instanceof Error ? error.name : 'unknown';
}

/** The store itself when it is already guarded (the core shares one with the auth core). */
export function guardSettings(store: SettingsStore, logger: Logger): GuardedSettings {
  return isGuardedSettings(store) ? store : createGuardedSettings(store, logger);
}

function isGuardedSettings(store: SettingsStore): store is GuardedSettings {
  return 'unsavedNotice' in store && 'onUnsavedChange' in store;
}
