import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import { errorKeychainLocked, signedIn, signedOut, signingIn } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

const notice = {
  code: 'keychain_unavailable',
  message: 'No keychain: you will need to sign in again next time Meeting Tray starts.',
} as const;

describe('session-only notice', () => {
  it.each<[string, SessionState]>([
    ['signed out', signedOut],
    ['signing in', signingIn],
    ['signed in', signedIn],
    ['error', errorKeychainLocked],
  ])('appears once when %s', async (_name, state) => {
    await renderApp({ ...state, sessionOnly: notice });
    expect(screen.getAllByTestId('session-only')).toHaveLength(1);
    expect(screen.getByTestId('session-only')).toHaveTextContent(notice.message);
  });

  it('is absent when tokens are in the keychain', async () => {
    await renderApp(signedIn);
    expect(screen.queryByTestId('session-only')).not.toBeInTheDocument();
  });

  it('marks demo mode in the header', async () => {
    await renderApp({ ...signedIn, demo: true });
    expect(screen.getByRole('banner')).toHaveTextContent('Demo');
  });
});
