/** The sandbox's public types: demo mode, the CLI and the tests all code against these. */

export interface SandboxFaults {
  /** Share (0..1) of requests answered with a Zoom-style 500. */
  serverErrorRate?: number;
  /** Share (0..1) of requests answered with 429 and `Retry-After: <retryAfterSeconds>`. */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /** Share (0..1) of requests whose socket is destroyed without an answer. */
  dropRate?: number;
  /** Misbehaviour on the wire, per endpoint, for every request to it (before the shares above). */
  wire?: Partial<Record<SandboxEndpoint, WireFault>>;
  /** Odd fields in every successful token answer (both grants). */
  tokenAnswer?: TokenAnswerFault;
  /** The meeting list hands out the same next_page_token for every page after the first. */
  repeatPageToken?: boolean;
}

/** The endpoints a client calls again and again: where wire faults apply. */
export type SandboxEndpoint = 'token' | 'revoke' | 'api';

export const SANDBOX_ENDPOINTS: readonly SandboxEndpoint[] = ['token', 'revoke', 'api'];

export type WireFault =
  /** Reads the request, then never answers: no status line, no headers. */
  | { kind: 'stall' }
  /** 200 and JSON headers at once, then one space every `intervalMs` (default 100): never ends. */
  | { kind: 'drip'; intervalMs?: number }
  /**
   * 200 with a JSON body of `bytes` bytes, written only as fast as the client reads it.
   * `declareLength` sends Content-Length; without it the body is chunked.
   */
  | { kind: 'oversized'; bytes: number; declareLength?: boolean }
  /** What a proxy in the way sends: 401, `WWW-Authenticate: Basic realm="proxy"`, an HTML page. */
  | { kind: 'proxy-challenge' }
  /** 400 `{"error":"temporarily_unavailable"}` with `Retry-After: <retryAfterSeconds>`. */
  | { kind: 'temporarily-unavailable' };

export interface TokenAnswerFault {
  /**
   * The raw JSON text sent as `expires_in` (e.g. `"0"`, `"-5"`, `"1e400"`, `"\"abc\""`), or null
   * to leave the field out. The tokens' real lifetime is still `accessTokenTtlSeconds`.
   */
  expiresIn?: string | null;
  /** Sends `"refresh_token": ""`; a refresh then keeps the old refresh token valid (no rotation). */
  emptyRefreshToken?: boolean;
}

export interface ZoomSandboxOptions {
  /** Default 0 (ephemeral); always binds 127.0.0.1. */
  port?: number;
  /** Default 3599, as Zoom reports. */
  accessTokenTtlSeconds?: number;
  /** Refresh-token lifetime, sliding on every rotation. Default 90 days. */
  refreshTokenTtlSeconds?: number;
  /** Added to every request, default 0. */
  latencyMs?: number;
  /** How latency is waited for; tests inject a controllable one. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  faults?: SandboxFaults;
  /** Rows in the meeting list (scheduled view). Default 12. */
  meetingCount?: number;
  /** Sandbox clock = now() + offset, to simulate a skewed server clock. */
  clockOffsetMs?: number;
  /** Injectable clock (epoch ms), default Date.now. */
  now?: () => number;
  /** Source of randomness for faults (0 <= x < 1). Default: a generator seeded with 1. */
  random?: () => number;
  /** Exposes GET /__sandbox/counters and POST /__sandbox/reset over HTTP; otherwise 404. */
  testMode?: boolean;
  /** Registered for both demo clients. */
  redirectUris?: readonly string[];
  /** Scopes each demo client is granted. Default both: user:read:user meeting:read:list_meetings. */
  clientScopes?: { confidential?: readonly string[]; public?: readonly string[] };
  /** Pro per-second limits (Light 30/s, Medium 20/s). Default true. */
  rateLimits?: boolean;
  /** Requests per UTC day per category before 429 with `X-RateLimit-Type: Daily-limit`. Default: none (Pro). */
  dailyLimits?: { Light?: number; Medium?: number };
  /**
   * Keeps the grants (clients' access and refresh tokens and their expiry) in this JSON file
   * (mode 0o600), read at start and rewritten on every change, so tokens survive a restart as
   * they would at Zoom. Default: grants live in memory only.
   */
  grantsFile?: {
    path: string;
    /** A failed write; the sandbox goes on with the grants in memory. Default: ignored. */
    onError?: (error: unknown) => void;
  };
}

export interface SandboxClients {
  confidential: { clientId: string; clientSecret: string };
  public: { clientId: string };
}

export interface SandboxCounters {
  /** Keys like 'GET /oauth/authorize', 'POST /oauth/token'; every arrival, faulted ones included. */
  requests: Record<string, number>;
  /**
   * Token-endpoint attempts per grant type ('authorization_code' | 'refresh_token'), failed ones
   * included; requests answered by an injected fault never reach the grant and are not counted.
   */
  grants: Record<string, number>;
  /** Body bytes the `oversized` wire fault managed to write before the client hung up. */
  oversizedBytesWritten: number;
}

export interface ZoomSandbox {
  /** http://127.0.0.1:<port>, also the OAuth base: /oauth/authorize, /oauth/token, /oauth/revoke. */
  url: string;
  /** `${url}/v2` */
  apiBaseUrl: string;
  port: number;
  clients: SandboxClients;
  counters(): SandboxCounters;
  resetCounters(): void;
  setFaults(faults: ZoomSandboxOptions['faults']): void;
  /** Stops answering (connections are refused) but keeps every grant: a Zoom outage. */
  pause(): Promise<void>;
  /** Listens again on the same port after pause(). */
  resume(): Promise<void>;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}
