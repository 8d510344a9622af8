import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signingIn, signingInWithoutUrl } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

const url = signingIn.kind === 'signing-in' ? signingIn.authorizationUrl : null;

describe('signing-in screen', () => {
  it('asks the person to continue in the browser, with a busy section', async () => {
    await renderApp(signingIn);
    const heading = screen.getByRole('heading', { name: 'Continue in your browser' });
    expect(heading.closest('section')).toHaveAttribute('aria-busy', 'true');
  });

  it('cancels', async () => {
    const { bridge, user } = await renderApp(signingIn);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(bridge.callsTo('cancelSignIn')).toEqual([[]]);
  });

  it('reopens the sign-in page', async () => {
    const { bridge, user } = await renderApp(signingIn);
    await user.click(screen.getByRole('button', { name: 'Open the sign-in page again' }));
    expect(bridge.callsTo('reopenSignInPage')).toEqual([[]]);
  });

  it('copies the authorization link and says so', async () => {
    const { bridge, user } = await renderApp(signingIn);
    // A live region next to the button, empty until there is something to say.
    const status = screen.getByTestId('link-copied');
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toBeEmptyDOMElement();
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(bridge.callsTo('copyText')).toEqual([[url]]);
    expect(status).toHaveTextContent('Link copied — paste it into the browser you use for Zoom.');
  });

  it('does not claim the link was copied when copying failed', async () => {
    const { bridge, user } = await renderApp(signingIn);
    bridge.respond('copyText', { ok: false, code: 'unknown', message: 'Clipboard unavailable.' });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByTestId('link-copied')).toBeEmptyDOMElement();
    expect(screen.getByRole('alert')).toHaveTextContent('Clipboard unavailable.');
  });

  it('hides reopen and copy when there is no link yet', async () => {
    await renderApp(signingInWithoutUrl);
    expect(
      screen.queryByRole('button', { name: 'Open the sign-in page again' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy link' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
  });
});
