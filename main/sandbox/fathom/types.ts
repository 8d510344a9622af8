/** The Fathom sandbox's public types: demo mode, the CLI and the tests all code against these. */
import type { SandboxCounters, WireFault } from '../types.ts';

/** The two endpoints a client calls again and again: where wire faults apply. */
export type FathomSandboxEndpoint = 'token' | 'api';

export const FATHOM_SANDBOX_ENDPOINTS: readonly FathomSandboxEndpoint[] = ['token', 'api'];

/**
 * Answers that break the SDK's zod schemas (fathom-facts §2.4), so a client can prove it reports
 * "Fathom answered in a shape we do not understand" plainly instead of crashing.
 */
export type FathomSchemaFault =
  /** `GET /meetings` leaves the `next_cursor` key out. */
  | 'drop-next-cursor'
  /** Every meeting says `calendar_invitees_domains_type: "all"` (a query value, not a field value). */
  | 'domains-type-all'
  /** `recording_id` is sent as a string. */
  | 'string-recording-id';

export const FATHOM_SCHEMA_FAULTS: readonly FathomSchemaFault[] = [
  'drop-next-cursor',
  'domains-type-all',
  'string-recording-id',
];

export interface FathomSandboxFaults {
  /** Share (0..1) of token/API requests answered with 500. */
  serverErrorRate?: number;
  /** Share (0..1) of token/API requests answered with an injected 429. */
  rateLimitRate?: number;
  /** Retry-After / RateLimit-Reset seconds of injected 429s. Default 1. */
  retryAfterSeconds?: number;
  /** Share (0..1) of token/API requests whose socket is destroyed without an answer. */
  dropRate?: number;
  /** The Zoom sandbox's wire faults (stall, drip, oversized…), for every request to the endpoint. */
  wire?: Partial<Record<FathomSandboxEndpoint, WireFault>>;
  /** Answers the SDK's schemas refuse. */
  schema?: FathomSchemaFault;
}

export interface FathomSandboxOptions {
  /** Default 0 (ephemeral); always binds 127.0.0.1. */
  port?: number;
  /** Registered for the demo OAuth client. Default: http://127.0.0.1:53682/fathom/callback. */
  redirectUris?: readonly string[];
  /**
   * `exact` (default): the redirect_uri must equal a registered one, port included.
   * `loopback-any-port`: a 127.0.0.1 / [::1] redirect matches a registered one on any port.
   */
  redirectMatch?: 'exact' | 'loopback-any-port';
  /**
   * What authorize does with `code_challenge` (fathom-facts §1.5, UNCERTAIN): `ignore` it
   * (default), `enforce` it (required, and the verifier is checked at the token endpoint), or
   * `reject-param` (an authorize request carrying it is refused with invalid_request).
   */
  pkce?: 'ignore' | 'enforce' | 'reject-param';
  /** expires_in and the access tokens' real lifetime. Default 3600. */
  accessTokenTtlSeconds?: number;
  /** How long a rotated-away refresh token still works. Default 0: dead at once. */
  refreshGraceSeconds?: number;
  /** Added to every request, default 0. */
  latencyMs?: number;
  /** How latency is waited for; tests inject a controllable one. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable clock (epoch ms), default Date.now. */
  now?: () => number;
  /** Source of randomness for faults (0 <= x < 1). Default: a generator seeded with 1. */
  random?: () => number;
  /** Exposes GET /__admin/counters and POST /__admin/{disconnect,expire,reset}; otherwise 404. */
  testMode?: boolean;
  /** Meetings recorded in the past 7 days (2 more are older). Default 10. */
  meetingCount?: number;
  /** Meetings per `GET /meetings` page (the `limit` field). Default 10. */
  pageSize?: number;
  /** Per account (the person behind a token or key). Default 60 per 60 s, no Retry-After. */
  rateLimit?: { limit?: number; windowSeconds?: number; retryAfter?: boolean } | false;
  /** What `include_summary`/`include_transcript=true` from an OAuth token gets. Default ignore. */
  includeSummaryForOAuth?: 'ignore' | 'reject';
  /** The consent step answers access_denied at once, as if the person pressed Deny. */
  deny?: boolean;
  faults?: FathomSandboxFaults;
  /**
   * Keeps the grants in this JSON file (mode 0o600), read at start and rewritten on every change,
   * so tokens survive a restart (demo mode). Default: in memory only.
   */
  grantsFile?: {
    path: string;
    /** A failed write; the sandbox goes on with the grants in memory. Default: ignored. */
    onError?: (error: unknown) => void;
  };
}

export interface FathomSandboxClients {
  oauth: { clientId: string; clientSecret: string };
  /** The demo person's personal API key (sent as X-Api-Key). */
  apiKey: string;
}

/** requests per "METHOD /path" (every arrival), grants per grant_type (faulted ones excluded). */
export type FathomSandboxCounters = SandboxCounters;

export interface FathomSandbox {
  /** http://127.0.0.1:<port>; OAuth at `${url}/external/v1/oauth2/{authorize,token}`. */
  url: string;
  /** `${url}/external/v1` */
  apiBaseUrl: string;
  port: number;
  clients: FathomSandboxClients;
  counters(): FathomSandboxCounters;
  resetCounters(): void;
  setFaults(faults: FathomSandboxFaults): void;
  /** As if the person removed the app in Fathom: every OAuth token dies. */
  disconnect(): void;
  /** Every live access token expires now (refresh tokens stay good). */
  expireAccessTokens(): void;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}
