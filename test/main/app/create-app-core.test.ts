// The core both hosts build (the Electron app and the browser harness): configuration decides
// between the in-process Zoom sandbox and a real provider, and everything it starts is
// registered on the teardown it is given.
import { describe, expect, it, vi } from 'vitest';
import { isConfigError } from '../../../main/app/config-error.ts';
import { createAppCore, type AppCoreHost } from '../../../main/app/create-app-core.ts';
import { createTeardown } from '../../../main/desktop/lifecycle/teardown.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../fakes/memory-stores.ts';

function host(env: Record<string, string | undefined>) {
  const logger = createCapturingLogger();
  const teardown = createTeardown(logger);
  const opened: string[] = [];
  const deps: AppCoreHost = {
    env: { MEETING_TRAY_KEYCHAIN_SERVICE: `Meeting Tray app-core test ${process.pid}`, ...env },
    builtIn: null,
    settings: createMemorySettingsStore(),
    clock: createFakeClock(Date.now()),
    openBrowser: async (url) => void opened.push(url),
    wake: { onWake: () => () => undefined },
    logger,
    teardown,
  };
  return { deps, teardown, opened };
}

/** Starts a sign-in and returns the page the core asked the host to open. */
async function signInPage(core: Awaited<ReturnType<typeof createAppCore>>, opened: string[]) {
  const flow = core.session.signIn().catch((error: unknown) => error);
  await vi.waitFor(() => expect(opened).toHaveLength(1));
  return { page: new URL(opened[0]!), flow };
}

describe('createAppCore', () => {
  it('with no client id, signs in against a Zoom sandbox it starts, and stops it on teardown', async () => {
    const { deps, teardown, opened } = host({});
    const core = await createAppCore(deps);
    expect(core.demo).toBe(true);
    expect(core.session.getState()).toMatchObject({ demo: true });

    const { page, flow } = await signInPage(core, opened);
    expect(page.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect((await fetch(page, { redirect: 'manual' })).status).toBeLessThan(500);

    await teardown.run();
    expect(await flow).toMatchObject({ code: 'sign_in_cancelled' });
    await expect(fetch(page)).rejects.toThrow(); // the sandbox no longer listens
  });

  it('with a client id, signs in against Zoom itself and starts no sandbox', async () => {
    const { deps, teardown, opened } = host({ ZOOM_CLIENT_ID: 'AbCdEf123' });
    const core = await createAppCore(deps);
    expect(core.demo).toBe(false);
    const { page, flow } = await signInPage(core, opened);
    expect(`${page.origin}${page.pathname}`).toBe('https://zoom.us/oauth/authorize');
    expect(page.searchParams.get('client_id')).toBe('AbCdEf123');
    await teardown.run();
    await flow;
  });

  it('refuses a broken configuration with an error that names the variable', async () => {
    const { deps } = host({ ZOOM_CLIENT_SECRET: 'shh' });
    const failure = await createAppCore(deps).catch((error: unknown) => error);
    expect(isConfigError(failure)).toBe(true);
    expect((failure as Error).message).toContain('ZOOM_CLIENT_ID');
    expect(isConfigError(new Error('config_invalid'))).toBe(false);
  });
});
