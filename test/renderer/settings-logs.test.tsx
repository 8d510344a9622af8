// Settings' "Logs" section: one button that asks main to open the logs folder, and the failure
// copy when it cannot.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedOut } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

async function openSettings() {
  const app = await renderApp(signedOut);
  await app.user.click(screen.getByRole('button', { name: 'Zoom account settings' }));
  return { ...app, logs: () => screen.getByRole('region', { name: 'Logs' }) };
}

describe('Settings: Logs', () => {
  it('"Open logs folder" asks main to open it, once per press', async () => {
    const { user, bridge, logs } = await openSettings();
    await user.click(within(logs()).getByRole('button', { name: 'Open logs folder' }));
    expect(bridge.callsTo('openLogsFolder')).toEqual([[]]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says where the folder is when it cannot be opened', async () => {
    const { user, bridge, logs } = await openSettings();
    bridge.respond('openLogsFolder', () => ({
      ok: false,
      code: 'logs_folder_unavailable',
      message: 'The logs folder could not be opened.',
    }));
    await user.click(within(logs()).getByRole('button', { name: 'Open logs folder' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not open the logs folder');
    expect(alert).toHaveTextContent('~/.config/Meeting Tray/logs');
  });
});
