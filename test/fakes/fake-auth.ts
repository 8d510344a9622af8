import type { Notice, SignOutResult } from '../../preload/contract.ts';
import type {
  AccessGrant,
  AuthService,
  AuthStatus,
} from '../../main/core/auth/auth-service.types.ts';
import { AppError } from '../../main/core/errors.ts';

export interface FakeAuthOptions {
  apiBaseUrl?: string;
  /** restore() finds a stored session (as after a restart). */
  stored?: boolean;
  sessionOnly?: Notice | null;
}

export interface FakeAuth extends AuthService {
  /** Resolves the pending signIn() as if the person pressed Allow. */
  completeSignIn(): void;
  /** Rejects the pending signIn() with the given error. */
  failSignIn(error: Error): void;
  /** The next getAccessToken calls reject with this error (until cleared with null). */
  failTokensWith(error: Error | null): void;
  /** The refresh token died in the background: the auth core signs itself out. */
  expire(reason: Notice): void;
  setApiBaseUrl(url: string): void;
  /** Every access and refresh token this fake ever minted, for leak scans. */
  mintedSecrets(): string[];
  currentAccessToken(): string;
  /** Token-endpoint round trips (sign-in exchange + refreshes), like the sandbox counts them. */
  tokenRequests(): number;
  getAccessTokenCalls(): Array<{ forceRefresh: boolean }>;
  signOutCalls(): number;
}

/** A scripted AuthService: real-looking tokens, explicit control over every transition. */
export function createFakeAuth(options: FakeAuthOptions = {}): FakeAuth {
  let apiBaseUrl = options.apiBaseUrl ?? 'https://api.zoom.example/v2';
  let status: AuthStatus = { kind: 'signed-out', reason: null };
  let serial = 0;
  let tokenRequests = 0;
  let signOuts = 0;
  let tokenFailure: Error | null = null;
  let pending: { resolve: () => void; reject: (error: Error) => void } | null = null;
  const minted: string[] = [];
  const calls: Array<{ forceRefresh: boolean }> = [];
  const listeners = new Set<(status: AuthStatus) => void>();

  const mint = (kind: string) => {
    serial += 1;
    const payload = Buffer.from(
      JSON.stringify({ kind, serial, uid: 'KdYy7pTRRayJ9EfQqMo2gA' }),
    ).toString('base64url');
    const token = `eyJzdiI6IjAwMDAwMiIsImFsZyI6IkhTNTEyIn0.${payload}.c2lnbmF0dXJlLW5vdC1yZWFs${serial}`;
    minted.push(token);
    return token;
  };
  let accessToken = mint('access');
  let refreshToken = mint('refresh');

  const setStatus = (next: AuthStatus) => {
    status = next;
    for (const listener of [...listeners]) listener(next);
  };
  const rotate = () => {
    tokenRequests += 1;
    accessToken = mint('access');
    refreshToken = mint('refresh');
  };

  return {
    async restore() {
      if (options.stored) setStatus({ kind: 'signed-in' });
    },
    status: () => status,
    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sessionOnlyNotice: () => options.sessionOnly ?? null,
    signIn() {
      setStatus({ kind: 'signing-in', authorizationUrl: null });
      setStatus({
        kind: 'signing-in',
        authorizationUrl:
          'https://zoom.example/oauth/authorize?response_type=code&client_id=SandboxClientId01&state=s1',
      });
      return new Promise<void>((resolve, reject) => {
        pending = { resolve, reject };
      });
    },
    cancelSignIn() {
      pending?.reject(new AppError('sign_in_cancelled', 'Sign-in was cancelled.'));
      pending = null;
      setStatus({ kind: 'signed-out', reason: null });
    },
    async reopenSignInPage() {},
    handleDeepLink: () => false,
    async getAccessToken(request) {
      calls.push({ forceRefresh: request?.forceRefresh === true });
      if (tokenFailure) throw tokenFailure;
      if (status.kind !== 'signed-in')
        throw new AppError('not_signed_in', 'fake auth: not signed in');
      // As the real core: a forced refresh for a token already replaced returns the current one.
      const stillCurrent =
        request?.rejectedAccessToken === undefined || request.rejectedAccessToken === accessToken;
      if (request?.forceRefresh && stillCurrent) rotate();
      const grant: AccessGrant = { accessToken, apiBaseUrl };
      return grant;
    },
    async signOut(): Promise<SignOutResult> {
      signOuts += 1;
      setStatus({ kind: 'signed-out', reason: null });
      return { serverRevoked: true };
    },
    async dispose() {},
    async drain() {},

    completeSignIn() {
      rotate();
      setStatus({ kind: 'signed-in' });
      pending?.resolve();
      pending = null;
    },
    failSignIn(error) {
      setStatus({ kind: 'signed-out', reason: null });
      pending?.reject(error);
      pending = null;
    },
    failTokensWith(error) {
      tokenFailure = error;
    },
    expire(reason) {
      setStatus({ kind: 'signed-out', reason });
    },
    setApiBaseUrl(url) {
      apiBaseUrl = url;
    },
    mintedSecrets: () => [...minted, refreshToken].filter((v, i, all) => all.indexOf(v) === i),
    currentAccessToken: () => accessToken,
    tokenRequests: () => tokenRequests,
    getAccessTokenCalls: () => calls,
    signOutCalls: () => signOuts,
  };
}
