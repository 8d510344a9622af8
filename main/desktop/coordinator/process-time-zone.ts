import type { TimeZoneProbe } from './time-zone-watch.ts';

/**
 * The main process's own zone. Node clears V8's and the C library's zone caches whenever
 * `process.env.TZ` is assigned or deleted (nodejs/node#20026), which is the one way to make a
 * running process see a new system zone; verified on Linux by swapping /etc/localtime under a
 * running Node (desktop-facts §4, and test/main/desktop/coordinator/process-time-zone.test.ts).
 * A TZ the app was started with is the person's explicit choice, so it is assigned back as it was.
 */
export function createProcessTimeZoneProbe(env: NodeJS.ProcessEnv = process.env): TimeZoneProbe {
  return {
    redetect() {
      const explicit = env.TZ;
      if (explicit !== undefined) {
        env.TZ = explicit;
        return;
      }
      env.TZ = 'UTC';
      delete env.TZ;
    },
    read: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}
