import type { Notice, SignOutResult } from '../../../preload/contract.ts';

/** What the auth core reports about itself; the session service turns it into SessionState. */
export type AuthStatus =
  | { kind: 'signed-out'; reason: Notice | null }
  | { kind: 'signing-in'; authorizationUrl: string | null }
  | { kind: 'signed-in' };

/** A bearer token ready to use, plus the API base it belongs to (Zoom's `api_url` when given). */
export interface AccessGrant {
  accessToken: string;
  /** e.g. https://api.zoom.us/v2 — already includes the /v2 path. */
  apiBaseUrl: string;
}

export interface AuthService {
  /** Reads the keychain at start-up. Makes no token request while the stored access token is valid. */
  restore(): Promise<void>;
  status(): AuthStatus;
  onStatusChange(listener: (status: AuthStatus) => void): () => void;
  /** Set while the keychain is unavailable: tokens live in memory for this run only. */
  sessionOnlyNotice(): Notice | null;
  /** Runs the whole browser sign-in. Rejects with AppError (access_denied, sign_in_timeout, …). */
  signIn(): Promise<void>;
  cancelSignIn(): void;
  /** Opens the pending authorization URL again (the browser did not open, or the tab was closed). */
  reopenSignInPage(): Promise<void>;
  /** Feeds a custom-scheme callback URL (argv / open-url). Returns false when it is not ours. */
  handleDeepLink(url: string): boolean;
  /**
   * Never returns a token with less than 120 s left; refreshes first (single flight).
   * `forceRefresh` is for a 401 code 124 from the API: one forced refresh, then retry.
   * `rejectedAccessToken` names the token the API refused: when it is no longer the current one,
   * another caller has already replaced it and the current token is returned without a request.
   * `userInitiated` (the person pressed Refresh) makes a real attempt even while backing off;
   * only the server's own Retry-After holds it back. Rejections caused by a Retry-After carry
   * `retryAt` (epoch ms), so the UI can say until when Zoom asked us to wait.
   */
  getAccessToken(options?: {
    forceRefresh?: boolean;
    rejectedAccessToken?: string;
    userInitiated?: boolean;
  }): Promise<AccessGrant>;
  /**
   * Moves to signed-out and tells the listeners at once, before anything is awaited; then
   * wipes local secrets and revokes at the server, each with a short bound, whatever happens.
   */
  signOut(): Promise<SignOutResult>;
  /**
   * Resolves once no refresh and no keychain write is in flight, or after `timeoutMs`. Quit
   * calls it so a refresh the server has already rotated reaches the keychain before exit.
   */
  drain(timeoutMs: number): Promise<void>;
  /** Stops timers and any pending sign-in; a refresh in flight still commits (see drain). */
  dispose(): Promise<void>;
}
