import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  SIGNED_OUT_LOCALLY,
  SIGNED_OUT_NOT_REVOKED_TITLE,
  SIGNED_OUT_REVOKED,
} from '../../renderer/App.tsx';
import { createDeferred } from '../fakes/fake-bridge.ts';
import { signedIn, signedOut } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

async function openDialog() {
  const app = await renderApp(signedIn);
  await app.user.click(screen.getByRole('button', { name: 'Sign out…' }));
  return app;
}

describe('sign out and revoke', () => {
  it('asks for confirmation in an accessible dialog with Cancel focused', async () => {
    const { bridge } = await openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Sign out and revoke access?' });
    expect(dialog).toHaveAccessibleDescription(
      'Meeting Tray will forget your Zoom session on this computer and ask Zoom to revoke its access.',
    );
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(bridge.callsTo('signOut')).toHaveLength(0);
  });

  it('cancels without signing out and returns focus to the button', async () => {
    const { bridge, user } = await openDialog();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out…' })).toHaveFocus();
    expect(bridge.callsTo('signOut')).toHaveLength(0);
  });

  it('reports a full revoke, and keeps the message on the signed-out screen', async () => {
    const { bridge, user } = await openDialog();
    bridge.respond('signOut', () => {
      // Main pushes the new state before the invoke answers, as the real session does.
      bridge.push(signedOut);
      return { ok: true, value: { serverRevoked: true } };
    });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(bridge.callsTo('signOut')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Sign in with Zoom' })).toBeInTheDocument();
    expect(screen.getByTestId('sign-out-message')).toHaveTextContent(SIGNED_OUT_REVOKED);
    expect(SIGNED_OUT_REVOKED).toBe('Signed out and access revoked.');
  });

  it('explains a local-only sign-out when Zoom could not be reached', async () => {
    const { bridge, user } = await openDialog();
    bridge.respond('signOut', { ok: true, value: { serverRevoked: false } });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    act(() => bridge.push(signedOut));
    const message = screen.getByTestId('sign-out-message');
    // A warning, not a success: Zoom did not confirm the revoke.
    expect(message).toHaveAttribute('data-tone', 'warning');
    expect(message).toHaveClass('toast--warning');
    expect(message).toHaveTextContent(SIGNED_OUT_NOT_REVOKED_TITLE);
    expect(message).toHaveTextContent(SIGNED_OUT_LOCALLY);
    expect(SIGNED_OUT_LOCALLY).toBe(
      'Zoom could not be reached to revoke access; you can remove the app at marketplace.zoom.us → Installed apps.',
    );
    // Announced: it sits in the polite live region.
    expect(screen.getByRole('status')).toContainElement(message);
  });

  it('shows a confirmed revoke as a success', async () => {
    const { bridge, user } = await openDialog();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    act(() => bridge.push(signedOut));
    expect(screen.getByTestId('sign-out-message')).toHaveAttribute('data-tone', 'success');
  });

  it('disables both buttons while signing out', async () => {
    const { bridge, user } = await openDialog();
    const pending = createDeferred<{ ok: true; value: { serverRevoked: boolean } }>();
    bridge.respond('signOut', () => pending.promise);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Signing out…' })).toBeDisabled();
    await act(async () => pending.resolve({ ok: true, value: { serverRevoked: true } }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('clears the message when the person signs in again, and lets them dismiss it', async () => {
    const { bridge, user } = await openDialog();
    bridge.respond('signOut', { ok: true, value: { serverRevoked: false } });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    act(() => bridge.push(signedOut));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('sign-out-message')).not.toBeInTheDocument();

    act(() => bridge.push(signedIn));
    await user.click(screen.getByRole('button', { name: 'Sign out…' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    act(() => bridge.push(signedOut));
    expect(screen.getByTestId('sign-out-message')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    expect(screen.queryByTestId('sign-out-message')).not.toBeInTheDocument();
  });

  it('shows a failed sign-out as an alert and stays signed in', async () => {
    const { bridge, user } = await openDialog();
    bridge.respond('signOut', {
      ok: false,
      code: 'keychain_locked',
      message: 'The keychain is locked.',
    });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Keychain locked');
    expect(screen.queryByTestId('sign-out-message')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out…' })).toHaveFocus();
  });
});
