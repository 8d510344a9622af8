// Run by process-time-zone.test.ts: reports what a running Node process sees of its zone
// before and after the system zone changes under it, with and without the probe's redetect.
import { execFileSync } from 'node:child_process';
import { createProcessTimeZoneProbe } from '../../../../main/desktop/coordinator/process-time-zone.ts';

const probe = createProcessTimeZoneProbe();
const noon = Date.parse('2026-11-24T12:00:00Z');
const clock = () =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const built = clock();
const report: Record<string, unknown> = { before: probe.read(), tzBefore: process.env.TZ };
// Argument: a zone to make the system's (inside a private mount namespace), or nothing.
const next = process.argv[2];
if (next) execFileSync('ln', ['-sfn', `/usr/share/zoneinfo/${next}`, '/etc/localtime']);
report.withoutRedetect = probe.read();
probe.redetect();
report.after = probe.read();
report.tzAfter = process.env.TZ;
report.freshFormatter = clock().format(noon);
report.builtFormatter = built.format(noon);
console.log(JSON.stringify(report));
