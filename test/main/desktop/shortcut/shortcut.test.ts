import { describe, expect, it } from 'vitest';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createPreferences } from '../../../../main/desktop/settings/preferences.ts';
import { ShellSetting } from '../../../../main/desktop/settings/settings-keys.ts';
import { installShortcut } from '../../../../main/desktop/shortcut/install-shortcut.ts';
import { createJoinNextInbox } from '../../../../main/desktop/shortcut/join-next-argv.ts';
import { createJoinNextShortcut } from '../../../../main/desktop/shortcut/shortcut-model.ts';
import { createGlobalShortcutRegistry } from '../../../../main/desktop/shortcut/electron-global-shortcut.ts';
import type { SessionState } from '../../../../preload/contract.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { FakeGlobalShortcut } from '../../../fakes/electron/global-shortcut.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

const NOW = Date.parse('2026-11-30T09:00:00Z');

function setup(options: { stored?: unknown; state?: SessionState; taken?: string[] } = {}) {
  const globalShortcut = new FakeGlobalShortcut();
  for (const keys of options.taken ?? []) globalShortcut.takenByOthers.add(keys);
  const settings = createMemorySettingsStore(
    options.stored === undefined ? {} : { [ShellSetting.joinNextShortcut]: options.stored },
  );
  const logger = createRecordingLogger();
  const teardown = createTeardown(logger);
  const preferences = createPreferences({
    settings,
    host: { launchAtLogin: false, macKeys: false, menuBarTitle: 'hidden' },
    logger,
  });
  const opened: string[] = [];
  let windowShown = 0;
  const joinNextRequests = createJoinNextInbox();
  const state = options.state ?? signedIn([meeting('111', 'Standup', '2026-11-30T09:30:00Z', 15)]);
  installShortcut({
    platform: 'linux',
    clock: createFakeClock(NOW),
    logger,
    teardown,
    globalShortcut,
    preferences,
    settings,
    session: { getState: () => state },
    openJoinLink: async (url) => void opened.push(url),
    showWindow: () => void (windowShown += 1),
    joinNextRequests,
  });
  return {
    globalShortcut,
    settings,
    preferences,
    teardown,
    opened,
    joinNextRequests,
    windowShown: () => windowShown,
    logger,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the join-next global shortcut', () => {
  it('is off by default: nothing is registered and Settings shows Off', () => {
    const { globalShortcut, preferences } = setup();
    expect(globalShortcut.attempts).toEqual([]);
    expect(preferences.view().shortcut).toEqual({
      accelerator: null,
      problem: null,
      macKeys: false,
    });
  });

  it('a chosen shortcut is registered, and pressing it opens the next meeting with the join opener', async () => {
    const { globalShortcut, preferences, settings, opened } = setup();
    await preferences.set({ key: 'shortcut', value: 'CommandOrControl+Alt+J' });
    expect(globalShortcut.active()).toEqual(['CommandOrControl+Alt+J']);
    expect(settings.get(ShellSetting.joinNextShortcut)).toBe('CommandOrControl+Alt+J');
    expect(globalShortcut.press('CommandOrControl+Alt+J')).toBe(true);
    await settle();
    expect(opened).toEqual(['https://us05web.zoom.us/j/111']);
  });

  it('a change releases the old keys before claiming the new ones; Off releases them all', async () => {
    const { globalShortcut, preferences } = setup({ stored: 'CommandOrControl+Alt+J' });
    expect(globalShortcut.active()).toEqual(['CommandOrControl+Alt+J']);
    await preferences.set({ key: 'shortcut', value: 'CommandOrControl+Shift+M' });
    expect(globalShortcut.active()).toEqual(['CommandOrControl+Shift+M']);
    expect(globalShortcut.isRegistered('CommandOrControl+Alt+J')).toBe(false);
    await preferences.set({ key: 'shortcut', value: null });
    expect(globalShortcut.active()).toEqual([]);
  });

  it('keys another app holds are refused with shortcut_taken, and the setting is left off', async () => {
    const { globalShortcut, preferences, settings } = setup({
      stored: 'CommandOrControl+Alt+J',
      taken: ['CommandOrControl+Shift+J'],
    });
    await expect(
      preferences.set({ key: 'shortcut', value: 'CommandOrControl+Shift+J' }),
    ).rejects.toMatchObject({ code: 'shortcut_taken' });
    expect(globalShortcut.active()).toEqual([]);
    expect(settings.get(ShellSetting.joinNextShortcut)).toBeNull();
    const { shortcut } = preferences.view();
    expect(shortcut.accelerator).toBeNull();
    expect(shortcut.problem?.code).toBe('shortcut_taken');
    // A later good choice clears the problem.
    await preferences.set({ key: 'shortcut', value: 'CommandOrControl+Alt+Z' });
    expect(preferences.view().shortcut).toMatchObject({
      accelerator: 'CommandOrControl+Alt+Z',
      problem: null,
    });
  });

  it('taken at start-up: Settings shows it off with the reason, and the choice is kept for the next start', () => {
    const { globalShortcut, preferences, settings } = setup({
      stored: 'CommandOrControl+Alt+J',
      taken: ['CommandOrControl+Alt+J'],
    });
    expect(globalShortcut.active()).toEqual([]);
    expect(preferences.view().shortcut.accelerator).toBeNull();
    expect(preferences.view().shortcut.problem?.code).toBe('shortcut_taken');
    expect(settings.get(ShellSetting.joinNextShortcut)).toBe('CommandOrControl+Alt+J');
  });

  it('is released on quit', async () => {
    const { globalShortcut, teardown } = setup({ stored: 'CommandOrControl+Alt+M' });
    expect(globalShortcut.active()).toEqual(['CommandOrControl+Alt+M']);
    await teardown.run();
    expect(globalShortcut.active()).toEqual([]);
  });

  it('--join-next requests that waited for start-up join once the shortcut feature is installed', async () => {
    const inbox = createJoinNextInbox();
    const calls: string[] = [];
    inbox.request();
    inbox.request();
    inbox.open(() => void calls.push('join'));
    expect(calls).toEqual(['join']);
    inbox.request();
    expect(calls).toEqual(['join', 'join']);
  });

  it('with nothing to join, shows the window and logs why', async () => {
    const { joinNextRequests, opened, windowShown, logger } = setup({ state: signedIn([]) });
    joinNextRequests.request();
    await settle();
    expect(opened).toEqual([]);
    expect(windowShown()).toBe(1);
    expect(logger.lines.map((line) => line.message)).toContain(
      'join next: no meeting to join; showing the window instead',
    );
  });
});

describe('the shortcut model over the Electron adapter', () => {
  it('an accelerator Electron cannot parse (it throws) counts as refused', () => {
    const registry = createGlobalShortcutRegistry(new FakeGlobalShortcut());
    expect(registry.register('Ctrl++', () => undefined)).toBe(false);
  });

  it('choosing the active shortcut again registers nothing twice', () => {
    const globalShortcut = new FakeGlobalShortcut();
    const model = createJoinNextShortcut({
      registry: createGlobalShortcutRegistry(globalShortcut),
      onPress: () => undefined,
      logger: createRecordingLogger(),
    });
    model.apply('CommandOrControl+Alt+J');
    model.apply('CommandOrControl+Alt+J');
    expect(globalShortcut.attempts).toHaveLength(1);
    expect(model.current()).toBe('CommandOrControl+Alt+J');
  });
});
