import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FathomState, SettingsView } from '../../preload/contract.ts';
import {
  FATHOM_CONNECTED,
  REMOVE_APP_HINT,
  REMOVE_KEY_HINT,
} from '../../renderer/fathom/fathom-copy.ts';
import { createDeferred, DEMO_SETTINGS } from '../fakes/fake-bridge.ts';
import { signedIn } from '../fakes/session-fixtures.ts';
import { fathomConnected } from './fathom-fixtures.ts';
import { renderApp } from './render-app.tsx';

const savedApp: SettingsView = {
  ...DEMO_SETTINGS,
  fathom: {
    mode: null,
    clientId: 'my-fathom-app',
    hasClientSecret: true,
    redirectPort: 53682,
    redirectUri: 'http://127.0.0.1:53682/fathom/callback',
    source: 'settings',
  },
};
const noApp: SettingsView = {
  ...DEMO_SETTINGS,
  fathom: { ...savedApp.fathom, clientId: '', hasClientSecret: false, source: 'none' },
};

const section = () => screen.getByRole('region', { name: 'Fathom' });
const field = (name: string | RegExp) => within(section()).getByLabelText(name);
const button = (name: string | RegExp) => within(section()).getByRole('button', { name });

async function openFathomSettings(settings: SettingsView, fathom?: FathomState) {
  const rendered = await renderApp(signedIn, { settings, ...(fathom && { fathom }) });
  await rendered.user.click(screen.getByRole('button', { name: 'Settings' }));
  await screen.findByRole('region', { name: 'Fathom' });
  return rendered;
}

describe('Settings → Fathom: OAuth', () => {
  it('shows the saved app, never its secret (only that one is saved), and the redirect URI', async () => {
    await openFathomSettings(savedApp);
    expect(within(section()).getByRole('radio', { name: /Sign in with Fathom/u })).toBeChecked();
    expect(field('Client ID')).toHaveValue('my-fathom-app');
    expect(field('Client secret')).toHaveValue('');
    expect(field('Client secret')).toHaveAttribute('type', 'password');
    expect(within(section()).getByTestId('fathom-secret-saved')).toHaveTextContent(
      'Saved in your keychain',
    );
    expect(field('Redirect port')).toHaveValue('53682');
    expect(field('Redirect URL to register in Fathom')).toHaveValue(
      'http://127.0.0.1:53682/fathom/callback',
    );
  });

  it('the redirect URI follows the port as it is typed, and copies exactly', async () => {
    const { bridge, user } = await openFathomSettings(savedApp);
    await user.clear(field('Redirect port'));
    await user.type(field('Redirect port'), '61000');
    expect(field('Redirect URL to register in Fathom')).toHaveValue(
      'http://127.0.0.1:61000/fathom/callback',
    );
    await user.click(button('Copy the Fathom redirect URL'));
    expect(bridge.callsTo('copyText')).toEqual([['http://127.0.0.1:61000/fathom/callback']]);
    expect(button('Copy the Fathom redirect URL')).toHaveTextContent('Copied');
  });

  it('refuses a port outside 1024–65535 with a reason under the field', async () => {
    const { bridge, user } = await openFathomSettings(savedApp);
    await user.clear(field('Redirect port'));
    await user.type(field('Redirect port'), '80');
    await user.click(button('Connect Fathom'));
    expect(field('Redirect port')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Redirect port')).toHaveAccessibleDescription(/whole number from 1024 to 65535/u);
    expect(bridge.callsTo('saveFathomOAuth')).toEqual([]);
    expect(bridge.callsTo('connectFathomOAuth')).toEqual([]);
  });

  it('a new app needs its secret; Connect saves the app first, then opens the browser', async () => {
    const { bridge, user } = await openFathomSettings(noApp);
    await user.click(within(section()).getByRole('radio', { name: /Sign in with Fathom/u }));
    await user.type(field('Client ID'), 'new-app');
    await user.click(button('Connect Fathom'));
    expect(field('Client secret')).toHaveAccessibleDescription(/Client secret is required/u);
    expect(bridge.callsTo('saveFathomOAuth')).toEqual([]);

    await user.type(field('Client secret'), 's3cret-value');
    await user.click(button('Connect Fathom'));
    expect(bridge.callsTo('saveFathomOAuth')).toEqual([
      [{ clientId: 'new-app', clientSecret: 's3cret-value', redirectPort: 53682 }],
    ]);
    expect(bridge.callsTo('connectFathomOAuth')).toEqual([[]]);
    // Write-only: once sent, the secret leaves the field.
    expect(field('Client secret')).toHaveValue('');
  });

  it('an unchanged app connects without saving (and keeps the saved secret)', async () => {
    const { bridge, user } = await openFathomSettings(savedApp);
    await user.click(button('Connect Fathom'));
    expect(bridge.callsTo('saveFathomOAuth')).toEqual([]);
    expect(bridge.callsTo('connectFathomOAuth')).toEqual([[]]);
  });

  it('saving sends no secret when none was typed', async () => {
    const { bridge, user } = await openFathomSettings(savedApp);
    await user.clear(field('Client ID'));
    await user.type(field('Client ID'), 'my-fathom-app');
    await user.clear(field('Redirect port'));
    await user.type(field('Redirect port'), '53700');
    await user.click(button('Save Fathom app'));
    expect(bridge.callsTo('saveFathomOAuth')).toEqual([
      [{ clientId: 'my-fathom-app', redirectPort: 53700 }],
    ]);
    expect(within(section()).getByTestId('fathom-settings-note')).toHaveTextContent('Saved.');
  });

  it('while connecting: progress, Cancel and “open again”; then connected is announced', async () => {
    const { bridge, user } = await openFathomSettings(savedApp, {
      kind: 'connecting',
      mode: 'oauth',
      authorizationUrl: 'http://127.0.0.1:1/authorize',
    });
    const connecting = within(section()).getByTestId('fathom-settings-connecting');
    expect(connecting).toHaveTextContent(/Waiting for you to allow Meeting Tray in Fathom/u);
    expect(button('Connect Fathom')).toBeDisabled();
    expect(button('Connect Fathom')).toHaveAttribute('aria-busy', 'true');
    await user.click(within(connecting).getByRole('button', { name: "Open Fathom's page again" }));
    await user.click(within(connecting).getByRole('button', { name: 'Cancel' }));
    expect(bridge.callsTo('reopenFathomConnectPage')).toHaveLength(1);
    expect(bridge.callsTo('cancelFathomConnect')).toHaveLength(1);

    act(() => bridge.pushFathom(fathomConnected));
    expect(within(section()).getByTestId('fathom-status')).toHaveTextContent(
      'Connected: signed in with Fathom.',
    );
    expect(screen.getByTestId('feedback')).toHaveTextContent(FATHOM_CONNECTED);
  });

  it('Disconnect says where to remove the app in Fathom, phrased without a guessed path', async () => {
    const { bridge, user } = await openFathomSettings(
      { ...savedApp, fathom: { ...savedApp.fathom, mode: 'oauth' } },
      fathomConnected,
    );
    await user.click(button('Disconnect Fathom'));
    expect(bridge.callsTo('disconnectFathom')).toEqual([[]]);
    expect(within(section()).getByTestId('fathom-settings-note')).toHaveTextContent(
      REMOVE_APP_HINT,
    );
    expect(REMOVE_APP_HINT).toContain("in Fathom's settings");
    expect(screen.getByTestId('feedback')).toHaveTextContent('Fathom disconnected.');
  });

  it('a failed connect goes to the feedback toast with its copy', async () => {
    const { bridge, user } = await openFathomSettings(savedApp);
    bridge.respond('connectFathomOAuth', {
      ok: false,
      code: 'browser_open_failed',
      message: 'no browser',
    });
    await user.click(button('Connect Fathom'));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not open your browser');
  });
});

describe('Settings → Fathom: personal API key', () => {
  it('is chosen by default when no app is set up; the key is a password field', async () => {
    await openFathomSettings(noApp);
    expect(within(section()).getByRole('radio', { name: /Personal API key/u })).toBeChecked();
    expect(field('API key')).toHaveAttribute('type', 'password');
    expect(within(section()).queryByLabelText('Client ID')).toBeNull();
  });

  it('Validate & save: one call with the key, progress meanwhile, then cleared and announced', async () => {
    const { bridge, user } = await openFathomSettings(noApp);
    const answer = createDeferred<{ ok: true; value: undefined }>();
    bridge.respond('connectFathomApiKey', () => answer.promise);
    await user.type(field('API key'), '  abc_DEF.ghi-123  ');
    await user.click(button('Validate & save'));
    expect(bridge.callsTo('connectFathomApiKey')).toEqual([['abc_DEF.ghi-123']]);
    expect(button('Checking…')).toBeDisabled();
    expect(within(section()).getByTestId('fathom-settings-status')).toHaveTextContent(
      'Checking your API key with Fathom…',
    );
    await act(async () => answer.resolve({ ok: true, value: undefined }));
    expect(field('API key')).toHaveValue('');
    expect(screen.getByTestId('feedback')).toHaveTextContent(FATHOM_CONNECTED);
  });

  it('an invalid key is explained under the field, not only in a toast', async () => {
    const { bridge, user } = await openFathomSettings(noApp);
    bridge.respond('connectFathomApiKey', {
      ok: false,
      code: 'fathom_key_invalid',
      message: 'Fathom refused the key',
    });
    await user.type(field('API key'), 'wrong.key');
    await user.click(button('Validate & save'));
    expect(field('API key')).toHaveAttribute('aria-invalid', 'true');
    expect(within(section()).getByTestId('api-key-problem')).toHaveTextContent(/key/iu);
    expect(field('API key')).toHaveAccessibleDescription(/key/iu);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an empty key is not sent', async () => {
    const { bridge, user } = await openFathomSettings(noApp);
    await user.click(button('Validate & save'));
    expect(bridge.callsTo('connectFathomApiKey')).toEqual([]);
    expect(within(section()).getByTestId('api-key-problem')).toHaveTextContent(
      /Paste the API key/u,
    );
  });

  it('Disconnect in API-key mode says the key still works until deleted in Fathom', async () => {
    const { bridge, user } = await openFathomSettings(
      { ...noApp, fathom: { ...noApp.fathom, mode: 'api-key' } },
      { ...fathomConnected, mode: 'api-key' },
    );
    bridge.respond('disconnectFathom', { ok: true, value: { removeAppHint: false } });
    await user.click(button('Disconnect Fathom'));
    expect(within(section()).getByTestId('fathom-settings-note')).toHaveTextContent(
      REMOVE_KEY_HINT,
    );
  });
});

describe('Settings → Fathom: status', () => {
  it('says why Fathom is not connected when main knows', async () => {
    await openFathomSettings(savedApp, {
      kind: 'not-connected',
      reason: { code: 'fathom_session_expired', message: 'invalid_grant' },
      removeAppHint: false,
    });
    expect(within(section()).getByTestId('fathom-status')).toHaveTextContent(
      'Not connected. Your Fathom connection ended.',
    );
  });

  it('names Fathom, not Zoom, in the words of a shared failure', async () => {
    const { bridge, user } = await openFathomSettings(savedApp);
    bridge.respond('connectFathomOAuth', { ok: false, code: 'invalid_client', message: '401' });
    await user.click(button('Connect Fathom'));
    expect(screen.getByRole('alert')).toHaveTextContent('Fathom rejected this app');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Zoom');
  });
});
