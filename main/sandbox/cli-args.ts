// Turns `npm run sandbox -- --port 4000 --error-rate 0.1 …` into ZoomSandboxOptions.
import type { ZoomSandboxOptions } from './types.ts';

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
  --no-rate-limits     turn off the per-second API limits`;

/** Throws an Error whose message says what is wrong and how to fix it. */
export function parseSandboxArgs(argv: readonly string[]): ZoomSandboxOptions {
  const options: ZoomSandboxOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag = '', inline] = arg.split('=', 2);
    if (flag === '--test-mode') {
      options.testMode = true;
      continue;
    }
    if (flag === '--no-rate-limits') {
      options.rateLimits = false;
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
