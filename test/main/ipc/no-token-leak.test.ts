import { afterEach, expect, it } from 'vitest';
import { Channel } from '../../../preload/contract.ts';
import { createSessionService } from '../../../main/core/session/session-service.ts';
import { createMinuteTicks } from '../../../main/core/time/minute-ticker.ts';
import { createZoomApi } from '../../../main/core/zoom/zoom-api.ts';
import { installIpc } from '../../../main/desktop/ipc/install-ipc.ts';
import { createTeardown } from '../../../main/desktop/lifecycle/teardown.ts';
import { createFakeAuth } from '../../fakes/fake-auth.ts';
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
    display: createFakeDisplaySource(),
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
