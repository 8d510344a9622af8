// Fathom through the app's own IPC door (installIpc over the typed Electron fakes), with the
// whole app core on both sandboxes and the real keychain: every payload that reaches the
// renderer (answers and pushes: Fathom's state, results, the settings view) is walked for every
// secret the flow produced — OAuth access and refresh tokens, the authorization code, the API
// key, the client secret — and none is there, nor in the settings file or the logs.
import { afterEach, expect, it, vi } from 'vitest';
import { Channel } from '../../../preload/contract.ts';
import { installIpc } from '../../../main/desktop/ipc/install-ipc.ts';
import { createFakeDisplaySource } from '../../fakes/fake-display.ts';
import { createFakeElectron } from '../../fakes/fake-electron.ts';
import {
  fathomLoaded,
  startFathomKit,
  waitForFathom,
  type FathomKit,
} from '../integration/fathom-kit.ts';

let kit: FathomKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

it(
  'no Fathom token, code, API key or client secret reaches the renderer, the settings file or the logs',
  { timeout: 30_000 },
  async () => {
    const k = (kit = await startFathomKit());
    const core = await k.launch();
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow();
    await window.loadURL('app://renderer/index.html');
    installIpc({
      ipcMain: electron.ipcMain,
      session: core.session,
      settings: core.settings,
      fathom: core.fathom,
      display: createFakeDisplaySource(),
      showWindow: () => undefined,
      window: { current: () => window },
      openExternal: async () => {},
      writeClipboard: () => {},
      logger: k.logger,
      teardown: k.teardownOf(),
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
    /** Every token the Fathom grant held in the keychain over the flow. */
    const minted = new Set<string>();
    const collectTokens = async () => {
      const record = await k.fathomRecord();
      if (!record) return;
      for (const match of record.matchAll(
        /"(?:accessToken|refreshToken|access_token|refresh_token)"\s*:\s*"([^"]+)"/g,
      ))
        minted.add(match[1]!);
    };

    await invoke(Channel.getFathom);
    await invoke(Channel.getSettings);
    // OAuth: connect through the consent page, read notes and a summary, refresh, rotate.
    expect(await invoke(Channel.connectFathomOAuth)).toEqual({ ok: true, value: undefined });
    const loaded = await waitForFathom(core, fathomLoaded);
    if (loaded.kind !== 'connected') throw new Error('not connected');
    await vi.waitFor(async () => expect(await k.fathomRecord()).not.toBeNull());
    await collectTokens();
    const id = loaded.notes.at(-1)!.recordingId;
    expect(await invoke(Channel.loadFathomSummary, id)).toEqual({ ok: true, value: undefined });
    expect(await invoke(Channel.refreshFathom)).toEqual({ ok: true, value: undefined });
    k.fathom.expireAccessTokens(); // a 401, then one forced refresh that rotates both tokens
    expect(await invoke(Channel.refreshFathom)).toEqual({ ok: true, value: undefined });
    await vi.waitFor(async () => {
      const before = minted.size;
      await collectTokens();
      expect(minted.size).toBeGreaterThan(before);
    });
    await invoke(Channel.getFathom);
    await invoke(Channel.openFathomLink, loaded.notes[0]!.shareUrl);
    // Settings: the OAuth client saved with its secret (the renderer only learns that one is saved).
    const saved = await invoke(Channel.saveFathomOAuth, {
      clientId: k.fathom.clients.oauth.clientId,
      clientSecret: k.fathom.clients.oauth.clientSecret,
      redirectPort: k.redirectPort,
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { fathom: { source: 'settings', hasClientSecret: true } },
    });
    // The API key: a wrong one, then the right one.
    expect(await invoke(Channel.connectFathomApiKey, 'wrong.key')).toMatchObject({
      ok: false,
      code: 'fathom_key_invalid',
    });
    expect(await invoke(Channel.connectFathomApiKey, k.fathom.clients.apiKey)).toEqual({
      ok: true,
      value: undefined,
    });
    await waitForFathom(
      core,
      (s) => fathomLoaded(s) && s.kind === 'connected' && s.mode === 'api-key',
    );
    await invoke(Channel.getFathom);
    const fileWhileConnected = k.settingsText();
    expect(await invoke(Channel.disconnectFathom)).toEqual({
      ok: true,
      value: { removeAppHint: false },
    });
    await invoke(Channel.getFathom);
    await invoke(Channel.getSettings);

    const toRenderer = JSON.stringify([...answers, ...window.webContents.sent]);
    // The flow really ran: pushes went out, tokens were minted and used, a code was exchanged.
    expect(window.webContents.sent.some(([channel]) => channel === Channel.fathomChanged)).toBe(
      true,
    );
    expect(toRenderer).toContain(loaded.notes[0]!.title);
    expect(minted.size).toBeGreaterThanOrEqual(4);
    const codes = k.redirects.map((url) => url.searchParams.get('code')).filter((c) => c !== null);
    expect(codes).toHaveLength(1); // Fathom's consent: Zoom was not signed in here
    const secrets = [
      ...minted,
      ...codes,
      k.fathom.clients.apiKey,
      'wrong.key',
      k.fathom.clients.oauth.clientSecret,
    ];
    const everything = [toRenderer, fileWhileConnected, k.settingsText(), k.lines.join('\n')];
    for (const text of everything) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(toRenderer).not.toMatch(/bearer|x-api-key|code_verifier/i);
  },
);
