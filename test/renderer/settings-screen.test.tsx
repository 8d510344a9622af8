// The Settings screen's "Zoom account" section against the fake bridge: every way in, inline
// validation with the shared rules, what Save / Test / Remove send, progress, and plain outcomes.
import { act, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { SettingsView, ZoomAccountTestResult } from '../../preload/contract.ts';
import { createDeferred, DEMO_SETTINGS } from '../fakes/fake-bridge.ts';
import {
  errorKeychainLocked,
  signedIn,
  signedOut,
  signedOutDemo,
} from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';
import { DEFAULT_PREFERENCES } from '../fakes/preferences-view.ts';

const saved: SettingsView = {
  zoomAccount: {
    source: 'settings',
    clientId: 'SavedClient42',
    cloud: 'zoom',
    oauthBase: 'https://zoom.us',
    apiBase: 'https://api.zoom.us/v2',
    hasClientSecret: true,
    redirectUrl: 'http://127.0.0.1/callback',
  },
  preferences: DEFAULT_PREFERENCES,
  fathom: DEMO_SETTINGS.fathom,
};
const fromEnvironment: SettingsView = {
  zoomAccount: { ...saved.zoomAccount, source: 'environment', hasClientSecret: false },
  preferences: DEFAULT_PREFERENCES,
  fathom: DEMO_SETTINGS.fathom,
};

const settingsHeading = () => screen.getByRole('heading', { name: 'Settings', level: 2 });
const section = () => screen.getByRole('region', { name: 'Zoom account' });
const field = (name: string | RegExp) => within(section()).getByLabelText(name);

async function violations() {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

describe('reaching Settings', () => {
  it('from the signed-out screen, and Done goes back', async () => {
    const { user } = await renderApp(signedOut);
    await user.click(screen.getByRole('button', { name: 'Zoom account settings' }));
    expect(settingsHeading()).toHaveFocus();
    expect(await screen.findByRole('region', { name: 'Zoom account' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('button', { name: 'Sign in with Zoom' })).toBeInTheDocument();
  });

  it("from demo mode's one button, on the signed-out screen and over the sample data", async () => {
    const demo = await renderApp(signedOutDemo);
    await demo.user.click(screen.getByRole('button', { name: 'Connect your Zoom account' }));
    expect(settingsHeading()).toBeInTheDocument();
    demo.unmount();

    const { user } = await renderApp({ ...signedIn, demo: true });
    expect(screen.getByTestId('demo-banner')).toHaveTextContent(/^Demo mode — a sample account/);
    expect(screen.getAllByRole('button', { name: 'Connect your Zoom account' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Connect your Zoom account' }));
    expect(settingsHeading()).toBeInTheDocument();
  });

  it('from the header while signed in, and focus returns there', async () => {
    const { user } = await renderApp(signedIn);
    expect(screen.queryByTestId('demo-banner')).not.toBeInTheDocument();
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText(/Saving a different account signs you out/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(
      within(screen.getByRole('banner')).getByRole('button', { name: 'Settings' }),
    ).toHaveFocus();
  });

  it("when main asks (the tray's Settings…), also for a request made before the page loaded", async () => {
    const live = await renderApp(errorKeychainLocked);
    await act(async () => live.bridge.requestScreen('settings'));
    expect(settingsHeading()).toBeInTheDocument();
    expect(live.bridge.callsTo('takeScreenRequest').length).toBeGreaterThanOrEqual(2);
    live.unmount();

    // A second page: nothing pending, so it stays on its screen.
    const idle = await renderApp(signedOut);
    expect(screen.queryByRole('heading', { name: 'Settings' })).not.toBeInTheDocument();
    idle.unmount();
  });
});

describe('the Zoom account form', () => {
  async function openSettings(settings: SettingsView = DEMO_SETTINGS) {
    const rendered = await renderApp(signedOut, { settings });
    await rendered.user.click(screen.getByRole('button', { name: 'Zoom account settings' }));
    await screen.findByRole('region', { name: 'Zoom account' });
    return rendered;
  }

  it('starts empty in demo mode, and shows the redirect URL with a copy button', async () => {
    const { bridge, user } = await openSettings();
    expect(field('Client ID')).toHaveValue('');
    expect(within(section()).getByRole('radio', { name: /^Zoom \(/ })).toBeChecked();
    expect(field('Redirect URL to register')).toHaveValue('http://127.0.0.1/callback');
    await user.click(screen.getByRole('button', { name: 'Copy the redirect URL' }));
    expect(bridge.callsTo('copyText')).toEqual([['http://127.0.0.1/callback']]);
    expect(screen.getByRole('button', { name: 'Copy the redirect URL' })).toHaveTextContent(
      'Copied',
    );
  });

  it('says what is wrong under the field and sends nothing', async () => {
    const { bridge, user } = await openSettings();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(field('Client ID')).toHaveAttribute('aria-invalid', 'true');
    expect(field('Client ID')).toHaveAccessibleDescription(/Client ID is required/);

    await user.type(field('Client ID'), 'has spaces');
    expect(within(section()).getByText(/Client ID contains unexpected characters/)).toBeVisible();

    await user.click(within(section()).getByRole('radio', { name: /Another server/ }));
    await user.type(field('Authorization server'), 'http://zoom.example.com');
    await user.type(field('API base URL'), 'https://api.example.com/v2?x=1');
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(
      within(section()).getByText(/Authorization server must use https:\/\/\. Plain http/),
    ).toBeVisible();
    expect(within(section()).getByText(/API base URL must not contain/)).toBeVisible();
    expect(bridge.callsTo('saveZoomAccount')).toEqual([]);
    expect(bridge.callsTo('testZoomAccount')).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it('saves a ZoomGov account with a new secret, and says what happens next', async () => {
    const { bridge, user } = await openSettings();
    await user.click(within(section()).getByRole('radio', { name: /ZoomGov/ }));
    await user.type(field('Client ID'), '  Gov_Client.1  ');
    await user.type(field(/Client secret/), ' s3cr3t ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.callsTo('saveZoomAccount')).toEqual([
      [
        {
          clientId: 'Gov_Client.1',
          cloud: 'zoomgov',
          clientSecret: { action: 'set', value: 's3cr3t' },
        },
      ],
    ]);
    expect(screen.getByTestId('settings-saved')).toHaveTextContent(/^Saved\. Sign in with Zoom/);
  });

  it('keeps or removes a saved secret it never sees, and can remove the saved account', async () => {
    const { bridge, user } = await openSettings(saved);
    expect(field('Client ID')).toHaveValue('SavedClient42');
    expect(field(/Client secret/)).toHaveValue('');
    expect(field(/Client secret/)).toHaveAccessibleDescription(/saved in your keychain/);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(within(section()).getByRole('checkbox', { name: /Remove the saved/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(bridge.callsTo('saveZoomAccount').map(([input]) => input)).toEqual([
      { clientId: 'SavedClient42', cloud: 'zoom', clientSecret: { action: 'keep' } },
      { clientId: 'SavedClient42', cloud: 'zoom', clientSecret: { action: 'remove' } },
    ]);

    bridge.respond('resetZoomAccount', { ok: true, value: DEMO_SETTINGS });
    await user.click(screen.getByRole('button', { name: 'Remove this account' }));
    expect(bridge.callsTo('resetZoomAccount')).toHaveLength(1);
    expect(screen.getByTestId('settings-saved')).toHaveTextContent('back in demo mode');
  });

  it('follows a new view from main: the form starts again from it', async () => {
    const { bridge, user } = await openSettings();
    await user.type(field('Client ID'), 'Typed');
    act(() => bridge.pushSettings(saved));
    expect(field('Client ID')).toHaveValue('SavedClient42');
    expect(screen.getByTestId('zoom-account-source')).toHaveTextContent('saved here');
  });

  it('shows progress while testing, then the outcome in plain words', async () => {
    const { bridge, user } = await openSettings();
    await user.type(field('Client ID'), 'AbC123');
    const answer = createDeferred<{ ok: true; value: ZoomAccountTestResult }>();
    bridge.respond('testZoomAccount', () => answer.promise);
    await user.click(screen.getByRole('button', { name: 'Test' }));
    const testing = screen.getByRole('button', { name: 'Testing…' });
    expect(testing).toHaveAttribute('aria-busy', 'true');
    expect(testing).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.getByText('Testing the connection to Zoom…')).toBeVisible();
    await act(async () =>
      answer.resolve({
        ok: true,
        value: {
          outcome: 'client-rejected',
          endpoint: 'https://zoom.us/oauth/token',
          status: 401,
        },
      }),
    );
    expect(bridge.callsTo('testZoomAccount')).toEqual([
      [{ clientId: 'AbC123', cloud: 'zoom', clientSecret: { action: 'keep' } }],
    ]);
    expect(screen.getByTestId('test-result')).toHaveTextContent(
      'Client ID rejected. zoom.us does not know this client ID (invalid_client).',
    );
    expect(await violations()).toEqual([]);
  });

  it.each<[ZoomAccountTestResult['outcome'], number | null, RegExp]>([
    ['reachable', 400, /^Reachable\. zoom\.us answered and did not reject this client ID/],
    ['unreachable', null, /^Unreachable\. Meeting Tray could not reach zoom\.us/],
    ['timed-out', null, /^Timed out\. zoom\.us did not answer in time/],
    ['unexpected-answer', 502, /^Not a Zoom sign-in server\. zoom\.us answered \(HTTP 502\)/],
  ])('says %s plainly', async (outcome, status, copy) => {
    const { bridge, user } = await openSettings();
    await user.type(field('Client ID'), 'AbC123');
    bridge.respond('testZoomAccount', {
      ok: true,
      value: { outcome, endpoint: 'https://zoom.us/oauth/token', status },
    });
    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect(screen.getByTestId('test-result')).toHaveTextContent(copy);
  });

  it('cannot be changed while ZOOM_CLIENT_ID in the environment decides', async () => {
    await openSettings(fromEnvironment);
    expect(screen.getByTestId('zoom-account-source')).toHaveTextContent(/ZOOM_CLIENT_ID/);
    expect(field('Client ID')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Remove this account' })).not.toBeInTheDocument();
    expect(await violations()).toEqual([]);
  });

  it('shows a refused save as an alert with its copy', async () => {
    const { bridge, user } = await openSettings();
    await user.type(field('Client ID'), 'AbC123');
    bridge.respond('saveZoomAccount', {
      ok: false,
      code: 'keychain_unavailable',
      message: 'No system keychain is available, so the client secret could not be kept.',
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Keychain not available');
    expect(screen.queryByTestId('settings-saved')).not.toBeInTheDocument();
  });
});
