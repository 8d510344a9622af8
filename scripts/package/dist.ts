// `npm run dist -- <electron-builder options>` (after `npm run build`): bakes the Zoom client ID
// from the environment into dist/main/app-config.json, then runs electron-builder with the options
// its own command line takes (parsed by its own parser), plus one decision of ours: a macOS build
// with no signing certificate is signed ad hoc rather than left unsigned, because macOS delivers
// notifications only from signed apps (Electron 42+) and Apple silicon runs only signed code.
// electron-builder.yml's afterPack hook (after-pack.ts) then refuses a package whose keychain
// binding is missing or built for another CPU.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CliOptions, Configuration } from 'electron-builder';
import { build, configureBuildCommand, createYargs } from 'electron-builder/out/builder.js';
import { writeAppConfig } from './app-config.ts';

type Env = Record<string, string | undefined>;

export interface DistHost {
  platform: NodeJS.Platform;
  /** Whether the login keychain holds a Developer ID certificate (asked only on macOS). */
  hasSigningIdentity(): boolean;
}

/** electron-builder's own command-line parser, so `npm run dist -- …` takes exactly its options. */
export function parseBuilderArgs(argv: readonly string[]): CliOptions {
  return configureBuildCommand(createYargs())
    .strict()
    .exitProcess(false)
    .fail((message: string, error?: Error) => {
      throw error ?? new Error(`${message} (see npx electron-builder --help)`);
    })
    .parseSync([...argv]) as CliOptions;
}

function buildsMac(
  cli: CliOptions & { mac?: unknown; linux?: unknown; win?: unknown },
  host: DistHost,
) {
  if (cli.mac != null) return true;
  return cli.linux == null && cli.win == null && host.platform === 'darwin';
}

/**
 * How a macOS build is signed: with a certificate when one is given (CSC_LINK / CSC_NAME) or
 * found in the keychain, otherwise ad hoc. electron-builder alone would skip signing then.
 */
export function macSigning(env: Env, host: DistHost): 'certificate' | 'ad-hoc' {
  if (env.CSC_LINK || env.CSC_NAME) return 'certificate';
  if (env.CSC_IDENTITY_AUTO_DISCOVERY === 'false' || host.platform !== 'darwin') return 'ad-hoc';
  return host.hasSigningIdentity() ? 'certificate' : 'ad-hoc';
}

/**
 * Ad hoc: identity "-" (electron-builder signs every nested binary with it). Hardened runtime
 * and notarization need a Developer ID, and hardened runtime with an ad hoc signature refuses to
 * load Electron's own frameworks, so both are off for these builds only.
 */
export const AD_HOC_MAC: Configuration = {
  mac: { identity: '-', hardenedRuntime: false, notarize: false },
};

export interface DistPlan {
  /** What electron-builder gets: the command line, plus the ad-hoc overrides when they apply. */
  options: CliOptions;
  /** How the macOS app is signed; null when no macOS build was asked for. */
  mac: 'certificate' | 'ad-hoc' | null;
}

export function distPlan(argv: readonly string[], env: Env, host: DistHost): DistPlan {
  const options = parseBuilderArgs(argv);
  if (!buildsMac(options, host)) return { options, mac: null };
  const mac = macSigning(env, host);
  if (mac === 'certificate') return { options, mac };
  // electron-builder merges a list of config objects in order (its fix for combined -c values);
  // ours goes first, so a -c.mac.… given on the command line still wins.
  const given: unknown = options.config;
  const list = Array.isArray(given) ? given : given == null ? [] : [given];
  // A copy: electron-builder merges later objects into the first one it is given.
  const config = [structuredClone(AD_HOC_MAC), ...list] as unknown as Configuration;
  return { options: { ...options, config }, mac };
}

function keychainHasDeveloperId(): boolean {
  const found = spawnSync('security', ['find-identity', '-v', '-p', 'codesigning'], {
    encoding: 'utf8',
  });
  return found.status === 0 && /"Developer ID Application: /u.test(found.stdout);
}

async function main(): Promise<void> {
  const host: DistHost = { platform: process.platform, hasSigningIdentity: keychainHasDeveloperId };
  const written = writeAppConfig(join(process.cwd(), 'dist', 'main'), process.env);
  for (const note of written.notes) console.log(`dist: ${note}`);
  const plan = distPlan(process.argv.slice(2), process.env, host);
  if (plan.mac === 'ad-hoc')
    console.log('dist: no signing certificate: the macOS app is signed ad hoc.');
  await build(plan.options);
}

if (import.meta.main) {
  try {
    await main();
  } catch (error) {
    console.error(`dist: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
