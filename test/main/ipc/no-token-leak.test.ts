import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { createAppCore } from '../../../main/app/create-app-core.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { CLIENT_SECRET_KEY } from '../../../main/core/settings/zoom-account-store.ts';
import { createJsonFileSettingsStore } from '../../../main/node/json-file-settings-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { startZoomSandbox } from '../../../main/sandbox/index.ts';
import { consent } from '../../helpers/sandbox-browser.ts';
import { Channel } from '../../../preload/contract.ts';
import { createSessionService } from '../../../main/core/session/session-service.ts';
import { createMinuteTicks } from '../../../main/core/time/minute-ticker.ts';
import { createZoomApi } from '../../../main/core/zoom/zoom-api.ts';
import { installIpc } from '../../../main/desktop/ipc/install-ipc.ts';
import { createTeardown } from '../../../main/desktop/lifecycle/teardown.ts';
import { createFakeAuth } from '../../fakes/fake-auth.ts';
import { createFakeSettingsService } from '../../fakes/fake-settings-service.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../fakes/fake-electron.ts';
import { createMemorySettingsStore } from '../../fakes/memory-stores.ts';
import { createFakeWake, createRecordingLogger } from '../core/session/session-fakes.ts';
import {
  meetingBody,
  startScriptedZoomServer,
  zoomLikeHandler,
  type ScriptedZoomServer,
} from '../core/zoom/scripted-zoom-server.ts';
import { createFakeDisplaySource } from '../../fakes/fake-display.ts';

let server: ScriptedZoomServer | null = null;
afterEach(async () => {
  await server?.close();
});

// The app's own IPC door (installIpc over ipcMain and webContents.send) with the real session.
it('no token reaches the renderer, the settings file or the logs during a whole session', async () => {
  const clock = createFakeClock();
  const auth = createFakeAuth();
  let rejectOnce = false;
  server = await startScriptedZoomServer(
    zoomLikeHandler({
      // Only the newest access token is valid, so the forced-refresh path runs too.
      isValidToken: (token) => {
        if (!rejectOnce) return token === auth.currentAccessToken();
        rejectOnce = false;
        return false;
      },
      meetings: () => [
        meetingBody(85746065432, '2026-11-24T15:00:00Z'),
        meetingBody(93311224455, null),
        meetingBody(81234567890, '2026-11-25T08:00:00Z'),
      ],
      pageSize: 2,
    }),
  );
  auth.setApiBaseUrl(server.apiBaseUrl);

  const settings = createMemorySettingsStore();
  const wake = createFakeWake();
  const { logger, lines } = createRecordingLogger();
  const session = createSessionService({
    auth,
    zoom: createZoomApi({ fetch, auth, clock, logger }),
    settings,
    clock,
    wake: wake.wake,
    minuteTicks: createMinuteTicks({ clock }),
    logger,
    demo: false,
  });

  const electron = createFakeElectron();
  const window = new electron.BrowserWindow();
  await window.loadURL('app://renderer/index.html');
  const teardown = createTeardown(logger);
  installIpc({
    ipcMain: electron.ipcMain,
    session,
    settings: createFakeSettingsService().service,
    display: createFakeDisplaySource(),
    showWindow: () => undefined,
    window: { current: () => window },
    openExternal: async () => {},
    writeClipboard: () => {},
    logger,
    teardown,
  });
  const answers: unknown[] = [];
  const invoke = async (channel: string, ...args: unknown[]) => {
    const result = await electron.ipcMain.invoke(channel, { sender: window.webContents }, ...args);
    answers.push({ channel, result });
    return result;
  };

  await session.start();
  await invoke(Channel.getSession);
  const signingIn = invoke(Channel.signIn);
  await clock.advance(0);
  await invoke(Channel.getSession);
  auth.completeSignIn();
  await signingIn;
  await session.refresh().catch(() => {});
  expect(session.getState()).toMatchObject({ kind: 'signed-in', meetings: { length: 3 } });

  rejectOnce = true; // Zoom rejects the token once: forced refresh + retry
  expect(await invoke(Channel.refreshMeetings)).toEqual({ ok: true, value: undefined });
  wake.emit('resume');
  await clock.advance(5 * 60_000);
  await invoke(Channel.getSession);
  await invoke(Channel.copyText, 'https://us05web.zoom.us/j/85746065432?pwd=abc');
  await invoke(Channel.openJoinUrl, 'https://us05web.zoom.us/j/85746065432?pwd=abc');
  const cacheWhileSignedIn = JSON.stringify(settings.snapshot());
  expect(await invoke(Channel.signOut)).toEqual({ ok: true, value: { serverRevoked: true } });
  await invoke(Channel.getSession);
  await teardown.run();
  session.dispose();
  const toRenderer = [...answers, ...window.webContents.sent];

  // The flow really exercised tokens: several were minted and Zoom saw them.
  const secrets = auth.mintedSecrets();
  expect(secrets.length).toBeGreaterThanOrEqual(4);
  expect(auth.getAccessTokenCalls().some((call) => call.forceRefresh)).toBe(true);
  expect(server.requests.some((r) => secrets.some((s) => r.authorization === `Bearer ${s}`))).toBe(
    true,
  );
  expect(toRenderer.length).toBeGreaterThan(10);
  expect(window.webContents.sent.length).toBeGreaterThan(3); // pushes went through webContents.send
  expect(cacheWhileSignedIn).toContain('Ada Okafor');

  const everything = [JSON.stringify(toRenderer), cacheWhileSignedIn, lines.join('\n')].join('\n');
  for (const secret of secrets) {
    expect(everything).not.toContain(secret);
    // Token fragments too: the signature and payload parts are secret on their own.
    for (const part of secret.split('.').slice(1)) expect(everything).not.toContain(part);
  }
  expect(everything).not.toMatch(/bearer/i);
});

// The account entered in Settings, through the same door: the client secret goes to the keychain
// and to the token endpoint, and nowhere else.
it('a client secret entered in Settings never reaches the renderer, the settings file or the logs', async () => {
  const sandbox = await startZoomSandbox({ testMode: true });
  const { clientId, clientSecret } = sandbox.clients.confidential;
  const dataDir = mkdtempSync(join(tmpdir(), 'mt-secret-leak-'));
  const settingsFile = join(dataDir, 'settings.json');
  const service = `Meeting Tray secret-leak test ${process.pid}`;
  const keychain = createChunkedSecretStore(createKeyringSecretStore({ service }));
  const { logger, lines } = createRecordingLogger();
  const teardown = createTeardown(logger);
  const opened: string[] = [];
  try {
    const core = await createAppCore({
      env: { MEETING_TRAY_KEYCHAIN_SERVICE: service },
      builtIn: null,
      settings: createJsonFileSettingsStore(settingsFile),
      clock: createFakeClock(Date.now()),
      openBrowser: async (url) => void opened.push(url),
      wake: { onWake: () => () => undefined },
      logger,
      teardown,
    });
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow();
    await window.loadURL('app://renderer/index.html');
    installIpc({
      ipcMain: electron.ipcMain,
      session: core.session,
      settings: core.settings,
      display: createFakeDisplaySource(),
      showWindow: () => undefined,
      window: { current: () => window },
      openExternal: async () => {},
      writeClipboard: () => {},
      logger,
      teardown,
    });
    const answers: unknown[] = [];
    const invoke = async (channel: string, ...args: unknown[]) => {
      const result = await electron.ipcMain.invoke(
        channel,
        { sender: window.webContents },
        ...args,
      );
      answers.push({ channel, result });
      return result;
    };
    await core.session.start();
    const account = {
      clientId,
      cloud: 'custom',
      oauthBase: sandbox.url,
      apiBase: sandbox.apiBaseUrl,
    };

    expect(
      await invoke(Channel.testZoomAccount, {
        ...account,
        clientSecret: { action: 'set', value: clientSecret },
      }),
    ).toMatchObject({ ok: true, value: { outcome: 'reachable' } });
    expect(
      await invoke(Channel.saveZoomAccount, {
        ...account,
        clientSecret: { action: 'set', value: clientSecret },
      }),
    ).toMatchObject({
      ok: true,
      value: { zoomAccount: { source: 'settings', hasClientSecret: true } },
    });
    expect(await keychain.get(CLIENT_SECRET_KEY)).toBe(clientSecret);
    // Test with the saved secret, which the renderer only names.
    expect(
      await invoke(Channel.testZoomAccount, { ...account, clientSecret: { action: 'keep' } }),
    ).toMatchObject({ ok: true, value: { outcome: 'reachable' } });
    await invoke(Channel.getSettings);

    const signingIn = invoke(Channel.signIn);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect((await fetch(await consent(opened[0]!, 'allow'))).status).toBe(200);
    expect(await signingIn).toEqual({ ok: true, value: undefined });
    await vi.waitFor(() => expect(core.session.getState().kind).toBe('signed-in'));
    expect(await invoke(Channel.refreshMeetings)).toEqual({ ok: true, value: undefined });
    const fileWhileSaved = readFileSync(settingsFile, 'utf8');
    expect(fileWhileSaved).toContain(clientId);

    expect(await invoke(Channel.resetZoomAccount)).toMatchObject({
      ok: true,
      value: { zoomAccount: { source: 'demo' } },
    });
    expect(await keychain.get(CLIENT_SECRET_KEY)).toBeNull();
    await teardown.run();

    // It really was used: the sandbox accepted the confidential client's Basic credentials.
    expect(sandbox.counters().grants.authorization_code).toBeGreaterThanOrEqual(3);
    const toRenderer = JSON.stringify([...answers, ...window.webContents.sent]);
    expect(window.webContents.sent.some(([channel]) => channel === Channel.settingsChanged)).toBe(
      true,
    );
    const everything = [
      toRenderer,
      fileWhileSaved,
      readFileSync(settingsFile, 'utf8'),
      lines.join('\n'),
    ];
    for (const text of everything) {
      expect(text).not.toContain(clientSecret);
      expect(text).not.toContain(Buffer.from(`${clientId}:${clientSecret}`).toString('base64'));
    }
  } finally {
    await teardown.run();
    await sandbox.close();
    await keychain.delete(CLIENT_SECRET_KEY);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
