// With a grants file (demo mode), tokens the sandbox handed out stay valid across a restart on
// another port, as Zoom's would; rotation and revocation carry over too.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGrantFile } from '../../../main/sandbox/grant-file.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { getJson, postForm, refreshBody, signIn } from './sandbox-kit.ts';

let dir: string;
let file: string;
const running: ZoomSandbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meeting-tray-grants-'));
  file = join(dir, 'demo', 'sandbox-grants.json');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startZoomSandbox>[0] = {}) {
  const sandbox = await startZoomSandbox({
    rateLimits: false,
    grantsFile: { path: file },
    ...options,
  });
  running.push(sandbox);
  return sandbox;
}

async function restart(sandbox: ZoomSandbox, options: Parameters<typeof startZoomSandbox>[0] = {}) {
  await sandbox.close();
  return start(options);
}

describe('sandbox grants kept in a file', () => {
  it('honours access and refresh tokens after a restart on another port', async () => {
    const first = await start();
    const tokens = await signIn(first);
    // Started while the first still listens, so it surely has another port.
    const second = await start();
    await first.close();
    expect(second.port).not.toBe(first.port);

    const me = await getJson(`${second.apiBaseUrl}/users/me`, tokens.access_token);
    expect(me.status).toBe(200);
    const rotated = await postForm(
      `${second.url}/oauth/token`,
      refreshBody(second, tokens.refresh_token),
    );
    expect(rotated.status).toBe(200);

    // The rotation is remembered as well: the old refresh token stays dead after one more restart.
    const third = await restart(second);
    const reused = await postForm(
      `${third.url}/oauth/token`,
      refreshBody(third, tokens.refresh_token),
    );
    expect(reused.status).toBe(400);
    const fresh = rotated.body.access_token as string;
    expect((await getJson(`${third.apiBaseUrl}/users/me`, fresh)).status).toBe(200);
  });

  it('writes the file for this user only, and forgets a revoked grant', async () => {
    const sandbox = await start();
    const tokens = await signIn(sandbox);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readGrantFile(file)?.grants).toHaveLength(1);

    const revoked = await postForm(`${sandbox.url}/oauth/revoke`, {
      token: tokens.refresh_token,
      client_id: sandbox.clients.public.clientId,
    });
    expect(revoked.status).toBe(200);
    expect(readGrantFile(file)?.grants).toEqual([]);
    const after = await restart(sandbox);
    expect((await getJson(`${after.apiBaseUrl}/users/me`, tokens.access_token)).status).toBe(401);
  });

  it('drops grants whose refresh token has died while it was stopped', async () => {
    let now = Date.now();
    const sandbox = await start({ now: () => now, refreshTokenTtlSeconds: 60 });
    await signIn(sandbox);
    now += 61_000;
    const later = await restart(sandbox, { now: () => now, refreshTokenTtlSeconds: 60 });
    await signIn(later); // a new grant rewrites the file without the dead one
    expect(readGrantFile(file)?.grants).toHaveLength(1);
  });

  it('starts empty from a damaged file', async () => {
    const sandbox = await start();
    await signIn(sandbox);
    writeFileSync(file, '{"v":1,"nextId":');
    const fresh = await restart(sandbox);
    expect(readGrantFile(file)).toBeNull();
    const tokens = await signIn(fresh);
    expect(readGrantFile(file)?.grants).toHaveLength(1);
    expect((await getJson(`${fresh.apiBaseUrl}/users/me`, tokens.access_token)).status).toBe(200);
  });

  it('keeps going in memory when the file cannot be written, and says so', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the folder should be');
    const errors: unknown[] = [];
    const sandbox = await start({
      grantsFile: { path: join(blocker, 'grants.json'), onError: (error) => errors.push(error) },
    });
    const tokens = await signIn(sandbox);
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token)).status).toBe(200);
    expect(errors).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });
});
