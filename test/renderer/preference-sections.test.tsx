// The Settings screen's preference sections against the fake bridge: each control sends one
// validated-shape change, what is checked is what main pushed, sections a host cannot offer
// are left out, and a taken shortcut is explained beside the choice.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../preload/contract.ts';
import { DEMO_SETTINGS } from '../fakes/fake-bridge.ts';
import { signedOut } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

async function openSettings(settings: SettingsView = DEMO_SETTINGS) {
  const rendered = await renderApp(signedOut, { settings });
  await rendered.user.click(screen.getByRole('button', { name: 'Zoom account settings' }));
  await screen.findByRole('group', { name: 'Clock' });
  return rendered;
}

describe('preference sections', () => {
  it('each control sends its change; the checked choice is the one main pushes', async () => {
    const { bridge, user } = await openSettings();
    const clock = screen.getByRole('group', { name: 'Clock' });
    await user.click(within(clock).getByRole('radio', { name: '24-hour (14:05)' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Reminders' })).getByRole('radio', {
        name: 'When it starts',
      }),
    );
    await user.click(screen.getByRole('radio', { name: 'Browser' }));
    await user.click(screen.getByRole('checkbox', { name: 'Start Meeting Tray when I log in' }));
    await user.selectOptions(screen.getByRole('combobox'), 'Ctrl+Alt+J');
    expect(bridge.callsTo('setPreference')).toEqual([
      [{ key: 'clock', value: '24h' }],
      [{ key: 'reminderLead', value: 0 }],
      [{ key: 'joinIn', value: 'browser' }],
      [{ key: 'launchAtLogin', value: true }],
      [{ key: 'shortcut', value: 'CommandOrControl+Alt+J' }],
    ]);
    // Nothing pushed yet: the screen still shows main's values.
    expect(within(clock).getByRole('radio', { name: 'As my system' })).toBeChecked();
    await act(async () =>
      bridge.pushSettings({
        ...DEMO_SETTINGS,
        preferences: { ...DEMO_SETTINGS.preferences, clock: '24h' },
      }),
    );
    expect(within(clock).getByRole('radio', { name: '24-hour (14:05)' })).toBeChecked();
  });

  it('leaves out launch at login where the host cannot, and the menu-bar title off macOS', async () => {
    await openSettings({
      ...DEMO_SETTINGS,
      preferences: {
        ...DEMO_SETTINGS.preferences,
        launchAtLogin: null,
        menuBarTitle: { enabled: true, shown: 'hidden' },
      },
    });
    expect(screen.queryByRole('region', { name: 'Launch at login' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Menu bar' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Join shortcut' })).toBeInTheDocument();
  });

  it('a taken shortcut is explained in its section, and the choice stays Off', async () => {
    const rendered = await renderApp(signedOut, { settings: DEMO_SETTINGS });
    rendered.bridge.respond('setPreference', {
      ok: false,
      code: 'shortcut_taken',
      message: 'CommandOrControl+Shift+J is already used by another app.',
    });
    await rendered.user.click(screen.getByRole('button', { name: 'Zoom account settings' }));
    const section = await screen.findByRole('region', { name: 'Join shortcut' });
    await rendered.user.selectOptions(within(section).getByRole('combobox'), 'Ctrl+Shift+J');
    expect(within(section).getByRole('alert')).toHaveTextContent('That shortcut is taken');
    expect(within(section).getByRole('combobox')).toHaveValue('off');
    expect(within(section).getByRole('combobox')).toHaveAttribute('aria-invalid', 'true');
  });

  it('a shortcut taken at start-up (pushed by main) shows the same explanation; Mac keys on a Mac', async () => {
    await openSettings({
      ...DEMO_SETTINGS,
      preferences: {
        ...DEMO_SETTINGS.preferences,
        shortcut: {
          accelerator: null,
          problem: { code: 'shortcut_taken', message: 'taken at start-up' },
          macKeys: true,
        },
      },
    });
    const section = screen.getByRole('region', { name: 'Join shortcut' });
    expect(within(section).getByRole('alert')).toHaveTextContent('That shortcut is taken');
    expect(within(section).getByRole('option', { name: '⌘⌥J' })).toBeInTheDocument();
  });
});
