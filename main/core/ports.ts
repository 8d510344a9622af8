/**
 * The small ports main/core depends on. Adapters at the edge (Electron, Node, tests)
 * implement them; core never imports `electron`.
 */

/** OS keychain. Values are secrets; implementations must never log them. */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export type TimerHandle = { readonly __timer: unique symbol } | number | object;

/** Injected time, so refresh timing is tested with a fake clock instead of sleeping. */
export interface Clock {
  /** epoch milliseconds */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export type Fetch = typeof fetch;

/** Opens a URL in the person's own browser (shell.openExternal in Electron). */
export type BrowserOpener = (url: string) => Promise<void>;

/** Non-secret persisted settings (electron-store in the app, a JSON file or memory elsewhere). */
export interface SettingsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** Resume, unlock and network-online: moments when timers may have frozen and state is stale. */
export interface WakeEvents {
  onWake(listener: (reason: 'resume' | 'unlock' | 'online') => void): () => void;
}

/** Structured logs. Callers must never pass tokens, codes or verifiers. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
