import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../preload/contract.ts';
import { ERROR_COPY } from '../../renderer/copy/error-copy.ts';
import { errorKeychainLocked, signedIn, signedOut } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

describe('failed actions', () => {
  it("shows the copy for the code, plus main's message, in a dismissible alert", async () => {
    const { bridge, user } = await renderApp(signedOut);
    bridge.respond('signIn', {
      ok: false,
      code: 'browser_open_failed',
      message: 'xdg-open is not installed.',
    });
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(ERROR_COPY.browser_open_failed.title);
    expect(alert).toHaveTextContent(ERROR_COPY.browser_open_failed.action);
    expect(alert).toHaveTextContent('xdg-open is not installed.');

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a join failure', async () => {
    const { bridge, user } = await renderApp(signedIn);
    bridge.respond('openJoinUrl', {
      ok: false,
      code: 'invalid_argument',
      message: 'That link is not a Zoom link.',
    });
    await user.click(screen.getByRole('button', { name: 'Join Design review' }));
    expect(screen.getByRole('alert')).toHaveTextContent('That link is not a Zoom link.');
  });

  it('turns a broken bridge (rejected promise) into an alert instead of crashing', async () => {
    const { bridge, user } = await renderApp(signedIn);
    bridge.respond('openJoinUrl', () => Promise.reject(new Error('IPC channel closed')));
    await user.click(screen.getByRole('button', { name: 'Join Design review' }));
    expect(screen.getByRole('alert')).toHaveTextContent(ERROR_COPY.unknown.title);
    expect(screen.getByRole('alert')).not.toHaveTextContent('IPC channel closed');
  });

  it('clears an old alert when a new sign-in starts', async () => {
    const { bridge, user } = await renderApp(signedOut);
    bridge.respond('signIn', { ok: false, code: 'loopback_failed', message: 'Port busy.' });
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    bridge.respond('signIn', { ok: true, value: undefined });
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('error screen', () => {
  it.each(ERROR_CODES)('explains %s with its copy', async (code) => {
    await renderApp({
      kind: 'error',
      code,
      message: ERROR_COPY[code].action,
      demo: false,
      sessionOnly: null,
    });
    expect(
      screen.getByRole('heading', { level: 2, name: ERROR_COPY[code].title }),
    ).toBeInTheDocument();
    expect(screen.getByText(ERROR_COPY[code].action)).toBeInTheDocument();
    // The same text is not shown twice.
    expect(screen.queryByTestId('error-detail')).not.toBeInTheDocument();
  });

  it("shows main's message when it adds something, and offers to sign in again", async () => {
    const { bridge, user } = await renderApp(errorKeychainLocked);
    expect(screen.getByRole('heading', { name: 'Keychain locked' })).toBeInTheDocument();
    expect(screen.getByTestId('error-detail')).toHaveTextContent('Your login keychain is locked.');
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(bridge.callsTo('signIn')).toHaveLength(1);
  });

  it('announces screen changes in a polite live region', async () => {
    const { bridge, container } = await renderApp(signedOut);
    const live = container.querySelector('[data-testid="screen-announcer"]');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('Signed out');
    act(() => bridge.push(errorKeychainLocked));
    expect(live).toHaveTextContent('Keychain locked');
    act(() => bridge.push(signedIn));
    expect(live).toHaveTextContent('Signed in as Ada Lovelace');
  });
});
