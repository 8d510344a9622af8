// The GitHub Actions workflow cannot run here, so its shape is checked: real runner labels, all
// three OSes, the Electron app launched on each, both Mac CPUs built with both keychain bindings,
// and every script and file it names exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: { include: Array<Record<string, string>> } };
  steps: Step[];
}
const workflow = parse(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8')) as {
  jobs: Record<string, Job>;
};

/**
 * GitHub-hosted runner labels in service (desktop-facts.md §10): macos-13 was retired in
 * December 2025, macos-15-intel is the last Intel image.
 */
const RUNNER_LABELS: Record<string, 'Linux' | 'macOS' | 'Windows'> = {
  'ubuntu-22.04': 'Linux',
  'ubuntu-24.04': 'Linux',
  'ubuntu-24.04-arm': 'Linux',
  'ubuntu-latest': 'Linux',
  'macos-14': 'macOS',
  'macos-15': 'macOS',
  'macos-15-intel': 'macOS',
  'macos-26': 'macOS',
  'macos-26-intel': 'macOS',
  'macos-latest': 'macOS',
  'windows-2022': 'Windows',
  'windows-2025': 'Windows',
  'windows-11-arm': 'Windows',
  'windows-latest': 'Windows',
};

/** Each job run: the job's steps with `${{ matrix.x }}` filled in, per matrix entry. */
function runs(): Array<{ os: string; runner: string; steps: Step[] }> {
  return Object.values(workflow.jobs).flatMap((job) => {
    const entries = job.strategy?.matrix.include ?? [{}];
    return entries.map((entry) => {
      const fill = (text: string) =>
        text.replace(
          /\$\{\{\s*matrix\.(\w+)\s*\}\}/gu,
          (_, key: string) => entry[key] ?? `<no ${key}>`,
        );
      const runner = fill(job['runs-on']);
      const steps = job.steps.map((step) => ({
        ...step,
        ...(step.run && { run: fill(step.run) }),
      }));
      return { os: RUNNER_LABELS[runner] ?? `unknown runner ${runner}`, runner, steps };
    });
  });
}

/** The steps a run executes on its OS (`runner.os == …` conditions evaluated). */
function stepsOn(run: { os: string; steps: Step[] }): Step[] {
  return run.steps.filter((step) => {
    const condition = step.if ?? '';
    const equal = /runner\.os == '(\w+)'/u.exec(condition);
    const unequal = /runner\.os != '(\w+)'/u.exec(condition);
    if (equal) return equal[1] === run.os;
    if (unequal) return unequal[1] !== run.os;
    return true;
  });
}

describe('.github/workflows/ci.yml', () => {
  it('runs on known runner labels, one each for Linux, macOS and Windows', () => {
    const all = runs();
    for (const run of all) expect(Object.keys(RUNNER_LABELS), run.runner).toContain(run.runner);
    expect(all.map((run) => run.os).sort()).toEqual(['Linux', 'Windows', 'macOS']);
  });

  it('launches the Electron app on every OS, under Xvfb on Linux', () => {
    for (const run of runs()) {
      const commands = stepsOn(run).flatMap((step) => (step.run ? [step.run] : []));
      const launches =
        run.os === 'Linux'
          ? commands.filter((c) => /^xvfb-run .* npm test$/mu.test(c))
          : commands.filter((c) => /playwright test .*--project electron/u.test(c));
      expect(launches, run.os).toHaveLength(1);
    }
  });

  it('runs the packaged-app smoke test on Linux', () => {
    const linux = runs().find((run) => run.os === 'Linux');
    expect(stepsOn(linux!).some((step) => step.run === 'npm run test:package')).toBe(true);
  });

  it('builds both Mac CPUs in one run, after adding and checking both keychain bindings', () => {
    const mac = runs().find((run) => run.os === 'macOS')!;
    const commands = stepsOn(mac).flatMap((step) => (step.run ? [step.run] : []));
    const bindings = commands.findIndex((c) =>
      c.includes('scripts/package/ensure-keyring-bindings.ts darwin x64 arm64 --install'),
    );
    const installers = commands.findIndex((c) => /npm run dist -- --mac --x64 --arm64 /u.test(c));
    expect(bindings).toBeGreaterThanOrEqual(0);
    expect(installers).toBeGreaterThan(bindings);
  });

  it('builds installers on every OS and uploads them', () => {
    for (const run of runs()) {
      const steps = stepsOn(run);
      expect(
        steps.some((s) => s.run?.includes('npm run dist -- ')),
        run.os,
      ).toBe(true);
      expect(
        steps.some((s) => s.uses?.startsWith('actions/upload-artifact@')),
        run.os,
      ).toBe(true);
    }
  });

  it('names only npm scripts, files and pinned actions that exist', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const { steps } of runs()) {
      for (const step of steps) {
        if (step.uses) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/u);
        for (const [, name] of (step.run ?? '').matchAll(/npm run ([\w:-]+)/gu))
          expect(Object.keys(scripts), step.run).toContain(name);
        for (const [file] of (step.run ?? '').matchAll(/\bscripts\/[\w./-]+\.(?:ts|mjs)\b/gu))
          expect(existsSync(join(root, file)), file).toBe(true);
      }
    }
  });
});
