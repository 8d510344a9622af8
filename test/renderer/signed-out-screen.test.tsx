import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createDeferred } from '../fakes/fake-bridge.ts';
import {
  signedOut,
  signedOutDemo,
  signedOutExpired,
  signingIn,
} from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

describe('signed-out screen', () => {
  it('signs in with Zoom through the bridge', async () => {
    const { bridge, user } = await renderApp(signedOut);
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    expect(bridge.callsTo('signIn')).toEqual([[]]);
  });

  it('disables the button while the browser is being opened, then follows main', async () => {
    const { bridge, user } = await renderApp(signedOut);
    const pending = createDeferred<{ ok: true; value: undefined }>();
    bridge.respond('signIn', () => pending.promise);
    const button = screen.getByRole('button', { name: 'Sign in with Zoom' });
    await user.click(button);
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    act(() => bridge.push(signingIn));
    await act(async () => pending.resolve({ ok: true, value: undefined }));
    expect(screen.getByRole('heading', { name: 'Continue in your browser' })).toBeInTheDocument();
  });

  it('explains demo mode only in demo mode', async () => {
    const demo = await renderApp(signedOutDemo);
    expect(screen.getByTestId('demo-note')).toHaveTextContent(
      "Demo mode — you're signing in to a built-in Zoom sandbox with a demo account, not your Zoom.",
    );
    demo.unmount();
    await renderApp(signedOut);
    expect(screen.queryByTestId('demo-note')).not.toBeInTheDocument();
  });

  it('says why the person was signed out', async () => {
    await renderApp(signedOutExpired);
    expect(screen.getByTestId('signed-out-reason')).toHaveTextContent(
      'Your Zoom session ended — sign in again',
    );
  });

  it('shows no reason when there is none', async () => {
    await renderApp(signedOut);
    expect(screen.queryByTestId('signed-out-reason')).not.toBeInTheDocument();
  });
});
