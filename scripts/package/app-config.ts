// The configuration baked into a package: `ZOOM_CLIENT_ID=… npm run dist` writes it next to the
// main bundle, where the installed app reads it when nothing else configures Zoom
// (main/core/config/built-in-config.ts parses it). Zoom's client secret is never written: anything
// in a package can be read by whoever has the package. Fathom's is, when FATHOM_CLIENT_SECRET is
// given: Fathom has no public client, so an app that connects by OAuth out of the box must carry
// it (fathom-facts §1.10 a); without it, people connect with their own API key or app.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { builtInConfigPath } from '../../main/app/built-in-config-file.ts';
import { parseBuiltInConfig } from '../../main/core/config/built-in-config.ts';

type Env = Record<string, string | undefined>;

export interface BakedAppConfig {
  zoom: { clientId: string; oauthBase?: string; apiBase?: string };
  fathom?: { clientId: string; clientSecret: string; redirectPort?: number };
}

const read = (env: Env, name: string) => env[name]?.trim() || undefined;

/** What `env` asks to bake in, or null for a package that starts in demo mode. */
export function bakedAppConfig(env: Env): BakedAppConfig | null {
  const clientId = read(env, 'ZOOM_CLIENT_ID');
  const oauthBase = read(env, 'ZOOM_OAUTH_BASE');
  const apiBase = read(env, 'ZOOM_API_BASE');
  const fathom = bakedFathom(env);
  if (!clientId) {
    const orphan = oauthBase
      ? 'ZOOM_OAUTH_BASE'
      : apiBase
        ? 'ZOOM_API_BASE'
        : fathom
          ? 'FATHOM_CLIENT_ID'
          : null;
    if (orphan)
      throw new Error(`${orphan} is set but ZOOM_CLIENT_ID is not: set both, or neither.`);
    return null;
  }
  return {
    zoom: { clientId, ...(oauthBase && { oauthBase }), ...(apiBase && { apiBase }) },
    ...(fathom && { fathom }),
  };
}

/** Fathom's OAuth client: id and secret together, or neither; the redirect port optional. */
function bakedFathom(env: Env): BakedAppConfig['fathom'] | undefined {
  const clientId = read(env, 'FATHOM_CLIENT_ID');
  const clientSecret = read(env, 'FATHOM_CLIENT_SECRET');
  const port = read(env, 'FATHOM_REDIRECT_PORT');
  if (!clientId && !clientSecret && !port) return undefined;
  if (!clientId || !clientSecret)
    throw new Error(
      'Fathom needs FATHOM_CLIENT_ID and FATHOM_CLIENT_SECRET together (and FATHOM_REDIRECT_PORT only with them).',
    );
  return { clientId, clientSecret, ...(port !== undefined && { redirectPort: Number(port) }) };
}

export interface WrittenAppConfig {
  file: string;
  /** null: no client ID, so any earlier file was removed and the package starts in demo mode. */
  config: BakedAppConfig | null;
  /** Lines for the person running the build. */
  notes: string[];
}

/**
 * Writes (or removes) `<mainBundleDir>/app-config.json` from `env`. The text is checked with the
 * parser the app reads it with, so a build never ships a file the app would refuse.
 */
export function writeAppConfig(mainBundleDir: string, env: Env): WrittenAppConfig {
  const file = builtInConfigPath(mainBundleDir);
  const config = bakedAppConfig(env);
  const notes: string[] = [];
  if (read(env, 'ZOOM_CLIENT_SECRET'))
    notes.push(
      'ZOOM_CLIENT_SECRET is not built into the package: a desktop app cannot keep a secret. Use a public (PKCE) client, or enter the secret in Settings.',
    );
  if (!config) {
    if (existsSync(file)) rmSync(file);
    notes.push(
      'No ZOOM_CLIENT_ID: the package starts in demo mode until Settings connects an account.',
    );
    return { file, config, notes };
  }
  const text = `${JSON.stringify(config, null, 2)}\n`;
  parseBuiltInConfig(text, file);
  writeFileSync(file, text);
  notes.push(`Built in client ID ${config.zoom.clientId} (${file}).`);
  if (config.fathom)
    notes.push(
      `Built in Fathom client ID ${config.fathom.clientId} with its secret: anyone with the package can read it.`,
    );
  return { file, config, notes };
}
