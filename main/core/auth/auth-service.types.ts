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
   */
  getAccessToken(options?: {
    forceRefresh?: boolean;
    rejectedAccessToken?: string;
  }): Promise<AccessGrant>;
  /** Revokes at the server (short timeout), then deletes local secrets whatever the result. */
  signOut(): Promise<SignOutResult>;
  /** Stops timers and any pending sign-in. */
  dispose(): Promise<void>;
}
