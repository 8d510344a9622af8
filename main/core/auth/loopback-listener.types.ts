import type { CallbackPage } from './callback-page.ts';

/** The one-shot 127.0.0.1 server that receives the browser's redirect. */
export interface LoopbackListener {
  /** The literal http://127.0.0.1:<port><path> this listener answers (path default /callback). */
  readonly redirectUri: string;
  /** Resolves with the first GET /callback whose state matches; never rejects. */
  readonly callback: Promise<URL>;
  /** Answers the waiting browser tab (and any repeat visits) with the real result, then closes after a short linger. */
  finish(page: CallbackPage): void;
  /** Closes at once, dropping open connections. */
  close(): Promise<void>;
}

/**
 * Listens before resolving, so the browser is opened only once the port is ready. `fixedPort`
 * and `path` come from the provider's redirect mode (Fathom); bind them through, e.g.
 * `(options) => createLoopbackListener({ ...options, clock })`.
 */
export type CreateLoopbackListener = (options: {
  expectedState: string;
  fixedPort?: number;
  path?: string;
}) => Promise<LoopbackListener>;
