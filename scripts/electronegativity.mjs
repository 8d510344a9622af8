// Advisory static scan with @doyensec/electronegativity (unmaintained; see
// /work/shared/reference/tray-and-security-anchors.md B.2). Our own tests enforce the Electron
// checklist; this scan adds breadth. It writes SARIF, reads it back, and exits 1 when a HIGH or
// MEDIUM finding has no written justification in test/security/electronegativity-baseline.json.
//
//   npm exec -- node scripts/electronegativity.mjs [--sarif out.sarif]
//
// The tool itself always exits 0 and tries to download translations and Electron release
// data at start-up; both are avoided here (the scan runs in-process with the network stubbed),
// so results do not depend on connectivity.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const baselinePath = join(root, 'test/security/electronegativity-baseline.json');
const SCANNED = ['main', 'preload', 'renderer', 'package.json'];
const BLOCKING = new Set(['HIGH', 'MEDIUM']);

const sarifArg = process.argv.indexOf('--sarif');
const scratch = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const sarifPath =
  sarifArg > 0 && process.argv[sarifArg + 1]
    ? process.argv[sarifArg + 1]
    : join(scratch, 'electronegativity.sarif');

// The scanner walks every file under its input; a copy of the app sources keeps tests,
// scripts and node_modules out of it.
const input = join(scratch, 'app');
for (const entry of SCANNED) {
  cpSync(join(root, entry), join(input, entry), {
    recursive: true,
    filter: (source) => !/\.(test|spec)\.tsx?$/u.test(source),
  });
}

// Stub `got` (its only network client) so start-up does not wait for, or crash on, S3/GitHub.
const requireFromTool = createRequire(
  createRequire(import.meta.url).resolve('@doyensec/electronegativity'),
);
const gotPath = requireFromTool.resolve('got');
const offline = () => Promise.reject(new Error('network disabled for the scan'));
offline.default = offline;
const stub = new Module(gotPath);
stub.exports = offline;
stub.loaded = true;
requireFromTool.cache[gotPath] = stub;
const originalLog = console.log;
console.log = (...args) => {
  if (!String(args[0]).startsWith('Could not retrieve updated translations')) originalLog(...args);
};

const run = requireFromTool('@doyensec/electronegativity');
const result = await run(
  {
    input,
    output: sarifPath,
    isSarif: true,
    customScan: [],
    // Downloads Electron's release list; the pinned version is tracked by Dependabot/CI instead.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    parserPlugins: [],
  },
  false,
);
console.log = originalLog;

// The tool writes the SARIF file with a fire-and-forget fs.writeFile; wait for it to land.
async function readSarif() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      return JSON.parse(readFileSync(sarifPath, 'utf8'));
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`electronegativity did not write ${sarifPath}`);
}
// SARIF carries rule, file and line but not severity; the in-process result has it.
const sarif = await readSarif();
const severityOf = new Map(
  result.issues.map((issue) => [
    `${issue.id}|${issue.file}|${issue.location?.line ?? 0}`,
    issue.severity?.name ?? 'UNKNOWN',
  ]),
);
const findings = (sarif.runs?.[0]?.results ?? []).map((entry) => {
  const location = entry.locations?.[0]?.physicalLocation;
  const file = location?.artifactLocation?.uri ?? 'N/A';
  const line = location?.region?.startLine ?? 1;
  const severity =
    severityOf.get(`${entry.ruleId}|${file}|${line}`) ??
    severityOf.get(`${entry.ruleId}|${file}|0`) ??
    'UNKNOWN';
  return {
    rule: entry.ruleId,
    file: file.replace(/^\/+/u, ''),
    line,
    severity,
    review: entry.level === 'note',
  };
});

const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
const justified = (finding) =>
  baseline.findings.find(
    (b) =>
      b.rule === finding.rule &&
      b.file === finding.file &&
      typeof b.justification === 'string' &&
      b.justification.trim().length >= 20,
  );

const blocking = [];
const counts = {};
for (const finding of findings) {
  counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  const reason = justified(finding);
  const mark = reason
    ? 'baselined'
    : BLOCKING.has(finding.severity) || finding.severity === 'UNKNOWN'
      ? 'NEW'
      : 'advisory';
  if (mark === 'NEW') blocking.push(finding);
  console.log(
    `${mark.padEnd(9)} ${finding.severity.padEnd(13)} ${finding.rule} ${finding.file}:${finding.line}${finding.review ? ' (manual review)' : ''}`,
  );
}
const unused = baseline.findings.filter(
  (b) => !findings.some((f) => f.rule === b.rule && f.file === b.file),
);
for (const entry of unused)
  console.log(`stale     baseline entry no longer found: ${entry.rule} ${entry.file}`);

console.log(
  `\nelectronegativity: ${findings.length} findings (${
    Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none'
  }), ` +
    `${result.errors.length} parse errors, ${blocking.length} unjustified HIGH/MEDIUM` +
    (sarifArg > 0 ? `; SARIF written to ${sarifPath}` : ''),
);
for (const error of result.errors)
  console.log(`parse error: ${relative(input, error.file ?? '')}: ${error.message}`);
rmSync(scratch, { recursive: true, force: true });
process.exit(blocking.length > 0 ? 1 : 0);
