// Turns `npm run sandbox -- --provider fathom --port 4100 --pkce enforce …` into
// FathomSandboxOptions. Same conventions as the Zoom sandbox's flags.
import { WIRE_FAULTS } from '../cli-args.ts';
import {
  FATHOM_SANDBOX_ENDPOINTS,
  FATHOM_SCHEMA_FAULTS,
  type FathomSandboxEndpoint,
  type FathomSandboxOptions,
  type FathomSchemaFault,
} from './types.ts';

type Setter = (options: FathomSandboxOptions, value: number) => void;

const withFaults = (o: FathomSandboxOptions, faults: FathomSandboxOptions['faults']) =>
  (o.faults = { ...o.faults, ...faults });
const withRateLimit = (
  o: FathomSandboxOptions,
  limit: { limit?: number; windowSeconds?: number; retryAfter?: boolean },
) => (o.rateLimit = { ...(o.rateLimit || {}), ...limit });

const NUMERIC_FLAGS: Record<string, { setter: Setter; share?: boolean }> = {
  '--port': { setter: (o, v) => (o.port = v) },
  '--token-ttl': { setter: (o, v) => (o.accessTokenTtlSeconds = v) },
  '--refresh-grace': { setter: (o, v) => (o.refreshGraceSeconds = v) },
  '--latency': { setter: (o, v) => (o.latencyMs = v) },
  '--meetings': { setter: (o, v) => (o.meetingCount = v) },
  '--page-size': { setter: (o, v) => (o.pageSize = Math.max(1, v)) },
  '--rate-limit': { setter: (o, v) => withRateLimit(o, { limit: v }) },
  '--rate-window': { setter: (o, v) => withRateLimit(o, { windowSeconds: Math.max(1, v) }) },
  '--error-rate': { setter: (o, v) => withFaults(o, { serverErrorRate: v }), share: true },
  '--rate-limit-rate': { setter: (o, v) => withFaults(o, { rateLimitRate: v }), share: true },
  '--drop-rate': { setter: (o, v) => withFaults(o, { dropRate: v }), share: true },
  '--retry-after': { setter: (o, v) => withFaults(o, { retryAfterSeconds: v }) },
};

const SWITCHES: Record<string, (options: FathomSandboxOptions) => void> = {
  '--test-mode': (o) => (o.testMode = true),
  '--deny': (o) => (o.deny = true),
  '--no-rate-limit': (o) => (o.rateLimit = false),
  '--retry-after-header': (o) => withRateLimit(o, { retryAfter: true }),
};

const CHOICES: Record<
  string,
  { values: readonly string[]; set: (o: FathomSandboxOptions, v: string) => void }
> = {
  '--pkce': {
    values: ['ignore', 'enforce', 'reject-param'],
    set: (o, v) => (o.pkce = v as FathomSandboxOptions['pkce']),
  },
  '--redirect-match': {
    values: ['exact', 'loopback-any-port'],
    set: (o, v) => (o.redirectMatch = v as FathomSandboxOptions['redirectMatch']),
  },
  '--include-summary-oauth': {
    values: ['ignore', 'reject'],
    set: (o, v) => (o.includeSummaryForOAuth = v as FathomSandboxOptions['includeSummaryForOAuth']),
  },
  '--schema-fault': {
    values: FATHOM_SCHEMA_FAULTS,
    set: (o, v) => withFaults(o, { schema: v as FathomSchemaFault }),
  },
};

export const FATHOM_CLI_USAGE = `Usage: npm run sandbox -- --provider fathom [options]
  --port N                 listen on 127.0.0.1:N (default: a free port)
  --redirect-uri URI       register this redirect URI (repeatable; default
                           http://127.0.0.1:53682/fathom/callback)
  --redirect-match MODE    exact (default) or loopback-any-port
  --pkce MODE              ignore (default), enforce or reject-param
  --token-ttl S            access-token lifetime and expires_in (default 3600)
  --refresh-grace S        a rotated refresh token keeps working for S seconds (default 0)
  --deny                   the consent step answers error=access_denied
  --include-summary-oauth MODE  ignore (default) or reject include_summary from OAuth tokens
  --meetings N             meetings recorded in the past 7 days (default 8; 2 older are added)
  --page-size N            meetings per page (default 10)
  --rate-limit N           requests per window per account (default 60)
  --rate-window S          window length in seconds (default 60)
  --retry-after-header     send Retry-After with a 429
  --no-rate-limit          no limit at all
  --latency MS             delay added to every request
  --error-rate R           share 0..1 of token/API requests answered with 500
  --rate-limit-rate R      share 0..1 answered with an injected 429
  --retry-after S          seconds named by injected 429s (default 1)
  --drop-rate R            share 0..1 whose connection is dropped without an answer
  --schema-fault KIND      answers the SDK refuses: ${FATHOM_SCHEMA_FAULTS.join(', ')}
  --wire-fault E=KIND      every request to endpoint E (token, api) gets KIND:
                           ${Object.keys(WIRE_FAULTS).join(', ')}
  --test-mode              expose GET /__admin/counters, POST /__admin/{disconnect,expire,reset}
  --grants-file PATH       keep the grants (tokens) in this JSON file across restarts`;

function parseWireFault(options: FathomSandboxOptions, value: string | undefined): void {
  const [endpoint = '', kind = ''] = (value ?? '').split('=', 2);
  const fault = WIRE_FAULTS[kind];
  if (!FATHOM_SANDBOX_ENDPOINTS.includes(endpoint as FathomSandboxEndpoint) || !fault) {
    throw new Error(
      `--wire-fault needs ENDPOINT=KIND with ENDPOINT one of ${FATHOM_SANDBOX_ENDPOINTS.join(', ')} and KIND one of ${Object.keys(WIRE_FAULTS).join(', ')}, for example --wire-fault api=stall.`,
    );
  }
  withFaults(options, { wire: { ...options.faults?.wire, [endpoint]: fault } });
}

/** Throws an Error whose message says what is wrong and how to fix it. */
export function parseFathomSandboxArgs(argv: readonly string[]): FathomSandboxOptions {
  const options: FathomSandboxOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const separator = arg.indexOf('=');
    const flag = separator < 0 ? arg : arg.slice(0, separator);
    const inline = separator < 0 ? undefined : arg.slice(separator + 1);
    const next = () => inline ?? argv[++i];
    const toggle = SWITCHES[flag];
    if (toggle) {
      toggle(options);
      continue;
    }
    const choice = CHOICES[flag];
    if (choice) {
      const value = next() ?? '';
      if (!choice.values.includes(value))
        throw new Error(
          `${flag} is one of ${choice.values.join(', ')}, for example ${flag} ${choice.values[0]}.`,
        );
      choice.set(options, value);
      continue;
    }
    if (flag === '--wire-fault') {
      parseWireFault(options, next());
      continue;
    }
    if (flag === '--redirect-uri' || flag === '--grants-file') {
      const value = next();
      if (!value)
        throw new Error(
          `${flag} needs a value, for example ${flag} ${flag === '--grants-file' ? 'grants.json' : 'http://127.0.0.1:53682/fathom/callback'}.`,
        );
      if (flag === '--grants-file') options.grantsFile = { path: value };
      else options.redirectUris = [...(options.redirectUris ?? []), value];
      continue;
    }
    const spec = NUMERIC_FLAGS[flag];
    if (!spec) throw new Error(`Unknown option "${arg}".\n${FATHOM_CLI_USAGE}`);
    const raw = next();
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
