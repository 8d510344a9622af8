// Turns `npm run sandbox -- --port 4000 --error-rate 0.1 …` into ZoomSandboxOptions.
import {
  SANDBOX_ENDPOINTS,
  type SandboxEndpoint,
  type WireFault,
  type ZoomSandboxOptions,
} from './types.ts';

type Setter = (options: ZoomSandboxOptions, value: number) => void;

const NUMERIC_FLAGS: Record<string, { setter: Setter; share?: boolean }> = {
  '--port': { setter: (o, v) => (o.port = v) },
  '--token-ttl': { setter: (o, v) => (o.accessTokenTtlSeconds = v) },
  '--latency': { setter: (o, v) => (o.latencyMs = v) },
  '--error-rate': {
    setter: (o, v) => (o.faults = { ...o.faults, serverErrorRate: v }),
    share: true,
  },
  '--rate-limit-rate': {
    setter: (o, v) => (o.faults = { ...o.faults, rateLimitRate: v }),
    share: true,
  },
  '--retry-after': { setter: (o, v) => (o.faults = { ...o.faults, retryAfterSeconds: v }) },
  '--drop-rate': { setter: (o, v) => (o.faults = { ...o.faults, dropRate: v }), share: true },
  '--meetings': { setter: (o, v) => (o.meetingCount = v) },
  '--clock-offset': { setter: (o, v) => (o.clockOffsetMs = v) },
  '--daily-limit': { setter: (o, v) => (o.dailyLimits = { Light: v, Medium: v }) },
};

export const CLI_USAGE = `Usage: npm run sandbox -- [options]
  --provider P         zoom (default) or fathom (\`--provider fathom --help\` lists its options)
  --port N             listen on 127.0.0.1:N (default: a free port)
  --token-ttl S        access-token lifetime in seconds (default 3599)
  --latency MS         delay added to every request
  --error-rate R       share 0..1 of token/revoke/API requests answered with 500
  --rate-limit-rate R  share 0..1 answered with 429 and Retry-After
  --retry-after S      Retry-After seconds for injected 429s (default 1)
  --drop-rate R        share 0..1 whose connection is dropped without an answer
  --meetings N         number of meeting rows (default 12)
  --clock-offset MS    skew the sandbox clock by MS milliseconds
  --daily-limit N      answer 429 Daily-limit after N API requests per category per UTC day
  --test-mode          expose GET /__sandbox/counters and POST /__sandbox/reset
  --no-rate-limits     turn off the per-second API limits
  --wire-fault E=KIND  every request to endpoint E (token, revoke, api) gets KIND:
                       stall (never answers), drip (a byte per 100 ms, never ends),
                       oversized (a 200 MB body), proxy-challenge (401 + WWW-Authenticate),
                       temporarily-unavailable (400 temporarily_unavailable)
  --expires-in JSON    send this raw JSON as expires_in in token answers (e.g. 0, -5, 1e400)
  --omit-expires-in    leave expires_in out of token answers
  --empty-refresh-token  answer refresh_token "" (a refresh then keeps the old one valid)
  --repeat-page-token  the meeting list repeats its next_page_token forever
  --grants-file PATH   keep the grants (tokens) in this JSON file across restarts`;

const OVERSIZED_BYTES = 200 * 1024 * 1024;
export const WIRE_FAULTS: Record<string, WireFault> = {
  stall: { kind: 'stall' },
  drip: { kind: 'drip' },
  oversized: { kind: 'oversized', bytes: OVERSIZED_BYTES },
  'proxy-challenge': { kind: 'proxy-challenge' },
  'temporarily-unavailable': { kind: 'temporarily-unavailable' },
};

function parseWireFault(options: ZoomSandboxOptions, value: string | undefined): void {
  const [endpoint = '', kind = ''] = (value ?? '').split('=', 2);
  const fault = WIRE_FAULTS[kind];
  if (!SANDBOX_ENDPOINTS.includes(endpoint as SandboxEndpoint) || !fault) {
    throw new Error(
      `--wire-fault needs ENDPOINT=KIND with ENDPOINT one of ${SANDBOX_ENDPOINTS.join(', ')} and KIND one of ${Object.keys(WIRE_FAULTS).join(', ')}, for example --wire-fault token=stall.`,
    );
  }
  const wire = { ...options.faults?.wire, [endpoint]: fault };
  options.faults = { ...options.faults, wire };
}

/** Flags that take no value and only switch a fault on. */
const SWITCHES: Record<string, (options: ZoomSandboxOptions) => void> = {
  '--test-mode': (o) => (o.testMode = true),
  '--no-rate-limits': (o) => (o.rateLimits = false),
  '--omit-expires-in': (o) =>
    (o.faults = { ...o.faults, tokenAnswer: { ...o.faults?.tokenAnswer, expiresIn: null } }),
  '--empty-refresh-token': (o) =>
    (o.faults = {
      ...o.faults,
      tokenAnswer: { ...o.faults?.tokenAnswer, emptyRefreshToken: true },
    }),
  '--repeat-page-token': (o) => (o.faults = { ...o.faults, repeatPageToken: true }),
};

/** Throws an Error whose message says what is wrong and how to fix it. */
export function parseSandboxArgs(argv: readonly string[]): ZoomSandboxOptions {
  const options: ZoomSandboxOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const separator = arg.indexOf('=');
    const flag = separator < 0 ? arg : arg.slice(0, separator);
    const inline = separator < 0 ? undefined : arg.slice(separator + 1);
    const toggle = SWITCHES[flag];
    if (toggle) {
      toggle(options);
      continue;
    }
    if (flag === '--wire-fault') {
      parseWireFault(options, inline ?? argv[++i]);
      continue;
    }
    if (flag === '--grants-file') {
      const path = inline ?? argv[++i];
      if (!path)
        throw new Error('--grants-file needs a path, for example --grants-file grants.json.');
      options.grantsFile = { path };
      continue;
    }
    if (flag === '--expires-in') {
      const raw = inline ?? argv[++i];
      if (raw === undefined || raw === '')
        throw new Error('--expires-in needs the raw JSON to send, for example --expires-in 1e400.');
      options.faults = {
        ...options.faults,
        tokenAnswer: { ...options.faults?.tokenAnswer, expiresIn: raw },
      };
      continue;
    }
    const spec = NUMERIC_FLAGS[flag];
    if (!spec) throw new Error(`Unknown option "${arg}".\n${CLI_USAGE}`);
    const raw = inline ?? argv[++i];
    const value = Number(raw);
    if (raw === undefined || raw === '' || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `${flag} needs a number of 0 or more, for example ${flag} ${spec.share ? '0.2' : '5'}.`,
      );
    }
    if (spec.share && value > 1)
      throw new Error(`${flag} is a share between 0 and 1, for example ${flag} 0.2.`);
    spec.setter(options, value);
  }
  return options;
}

export type SandboxProvider = 'zoom' | 'fathom';

/** Takes `--provider zoom|fathom` (default zoom) out of argv; the rest is that provider's flags. */
export function splitProvider(argv: readonly string[]): {
  provider: SandboxProvider;
  rest: string[];
} {
  const rest: string[] = [];
  let provider: string = 'zoom';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--provider') provider = argv[++i] ?? '';
    else if (arg.startsWith('--provider=')) provider = arg.slice('--provider='.length);
    else rest.push(arg);
  }
  if (provider !== 'zoom' && provider !== 'fathom')
    throw new Error('--provider is zoom or fathom, for example --provider fathom.');
  return { provider, rest };
}
