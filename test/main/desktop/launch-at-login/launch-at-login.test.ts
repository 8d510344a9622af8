import { describe, expect, it } from 'vitest';
import {
  autostartFilePath,
  buildAutostartDesktopEntry,
  quoteExecArgument,
} from '../../../../main/desktop/launch-at-login/autostart-entry.ts';
import { createLaunchAtLoginOffer } from '../../../../main/desktop/launch-at-login/launch-at-login-offer.ts';
import { ShellSetting } from '../../../../main/desktop/settings/settings-keys.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { signedIn, signedOut } from '../meeting-fixtures.ts';

describe('XDG autostart entry', () => {
  it('builds a hidden-start desktop entry', () => {
    expect(
      buildAutostartDesktopEntry({
        name: 'Meeting Tray',
        executable: '/opt/Meeting Tray/meeting-tray',
      }),
    ).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Meeting Tray',
        'Comment=Your upcoming Zoom meetings in the tray',
        'Exec="/opt/Meeting Tray/meeting-tray" --hidden',
        'Terminal=false',
        'NoDisplay=true',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
  });

  it('quotes reserved characters per the Desktop Entry spec', () => {
    expect(quoteExecArgument('/usr/bin/mt')).toBe('/usr/bin/mt');
    expect(quoteExecArgument('/a b/$HOME`x`"q"\\')).toBe('"/a b/\\$HOME\\`x\\`\\"q\\"\\\\"');
    expect(quoteExecArgument('/x/100%')).toBe('"/x/100%%"');
  });

  it('cannot be broken into extra lines by a crafted path', () => {
    const entry = buildAutostartDesktopEntry({ name: 'MT', executable: '/tmp/x\nExec=/bin/evil' });
    expect(entry.split('\n').filter((line) => line.startsWith('Exec='))).toHaveLength(1);
  });

  it('lives in ~/.config/autostart, or under an absolute XDG_CONFIG_HOME', () => {
    expect(autostartFilePath({}, '/home/ada')).toBe(
      '/home/ada/.config/autostart/meeting-tray.desktop',
    );
    expect(autostartFilePath({ XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe(
      '/cfg/autostart/meeting-tray.desktop',
    );
    expect(autostartFilePath({ XDG_CONFIG_HOME: 'relative' }, '/home/ada')).toBe(
      '/home/ada/.config/autostart/meeting-tray.desktop',
    );
  });
});

describe('launch-at-login offer', () => {
  it('asks once after the first sign-in and enables it when accepted', async () => {
    const settings = createMemorySettingsStore();
    let asked = 0;
    let enabled = 0;
    const offer = createLaunchAtLoginOffer({
      settings,
      ask: async () => (asked += 1) > 0,
      enable: async () => void (enabled += 1),
    });
    await offer.onSession(signedOut);
    expect(asked).toBe(0);
    await offer.onSession(signedIn([]));
    await offer.onSession(signedIn([]));
    expect(asked).toBe(1);
    expect(enabled).toBe(1);
    expect(settings.snapshot()).toEqual({
      [ShellSetting.launchAtLoginOffered]: true,
      [ShellSetting.launchAtLoginEnabled]: true,
    });
  });

  it('remembers a "not now" and stays off', async () => {
    const settings = createMemorySettingsStore();
    let enabled = 0;
    const offer = createLaunchAtLoginOffer({
      settings,
      ask: async () => false,
      enable: async () => void (enabled += 1),
    });
    await offer.onSession(signedIn([]));
    const again = createLaunchAtLoginOffer({
      settings,
      ask: async () => true,
      enable: async () => void (enabled += 1),
    });
    await again.onSession(signedIn([]));
    expect(enabled).toBe(0);
    expect(settings.get(ShellSetting.launchAtLoginEnabled)).toBeUndefined();
  });

  it('does not ask twice when states arrive while the question is open', async () => {
    const settings = createMemorySettingsStore();
    let asked = 0;
    let answer: (value: boolean) => void = () => undefined;
    const offer = createLaunchAtLoginOffer({
      settings,
      ask: () => {
        asked += 1;
        return new Promise<boolean>((resolve) => (answer = resolve));
      },
      enable: async () => undefined,
    });
    const first = offer.onSession(signedIn([]));
    await offer.onSession(signedIn([]));
    answer(false);
    await first;
    expect(asked).toBe(1);
  });
});
