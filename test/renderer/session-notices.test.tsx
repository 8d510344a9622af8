import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import {
  errorKeychainLocked,
  FIXTURE_NOW,
  signedIn,
  signedInProblem,
  signedOut,
  signingIn,
} from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

const unsaved = {
  code: 'settings_unwritable',
  message:
    "Meeting Tray can't save its settings on this computer; everything works until you quit.",
} as const;

describe('settings cannot be saved', () => {
  it.each<[string, SessionState]>([
    ['signed out', signedOut],
    ['signing in', signingIn],
    ['signed in', signedIn],
    ['error', errorKeychainLocked],
  ])('says so once when %s', async (_name, state) => {
    await renderApp({ ...state, settingsUnsaved: unsaved });
    expect(screen.getAllByTestId('settings-unsaved')).toHaveLength(1);
    expect(screen.getByTestId('settings-unsaved')).toHaveTextContent(unsaved.message);
  });

  it('says nothing when settings are saved, or from a main that does not report it', async () => {
    await renderApp({ ...signedIn, settingsUnsaved: null });
    expect(screen.queryByTestId('settings-unsaved')).not.toBeInTheDocument();
  });
});

describe('signed-in notes', () => {
  it('a list Zoom did not send to its end says it may be incomplete, and still shows its rows', async () => {
    await renderApp({ ...signedIn, incomplete: true });
    expect(screen.getByTestId('incomplete')).toHaveTextContent('This list may be incomplete');
    expect(screen.getByText('Design review')).toBeInTheDocument();
  });

  it('a complete list has no such note', async () => {
    await renderApp({ ...signedIn, incomplete: false });
    expect(screen.queryByTestId('incomplete')).not.toBeInTheDocument();
  });

  it('a rate limit names the time Zoom asked us to wait until', async () => {
    // 11:05 in London on the fixtures' day.
    await renderApp({
      ...signedIn,
      stale: true,
      problem: { code: 'rate_limited', message: 'Zoom is limiting requests right now.' },
      waitUntil: FIXTURE_NOW + 2 * 3_600_000 + 5 * 60_000,
    });
    expect(screen.getByTestId('problem')).toHaveTextContent(
      'Zoom asked us to wait until 11:05. Meeting Tray will try again then.',
    );
  });

  it('without a wait, the problem shows main’s message', async () => {
    await renderApp(signedInProblem);
    expect(screen.getByTestId('problem')).toHaveTextContent(
      'Zoom asked us to slow down; trying again in a minute.',
    );
  });
});
