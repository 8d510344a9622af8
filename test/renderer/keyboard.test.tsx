import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import {
  errorKeychainLocked,
  signedIn,
  signedOutDemo,
  signingIn,
} from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

/** Tabs through the page once and returns what received focus, in order. */
async function tabStops(user: UserEvent, limit = 50): Promise<Element[]> {
  const stops: Element[] = [];
  for (let i = 0; i < limit; i += 1) {
    await user.tab();
    const active = document.activeElement;
    if (!active || active === document.body || stops.includes(active)) break;
    stops.push(active);
  }
  return stops;
}

describe('keyboard', () => {
  it.each<[string, SessionState]>([
    ['signed out', signedOutDemo],
    ['signing in', signingIn],
    ['signed in', signedIn],
    ['error', errorKeychainLocked],
  ])('reaches every control when %s', async (_name, state) => {
    const { user, container } = await renderApp(state);
    const controls = [...container.querySelectorAll('button, a[href], input, select, textarea')];
    expect(controls.length).toBeGreaterThan(0);
    expect(await tabStops(user)).toEqual(controls);
  });

  it('signs in with Enter', async () => {
    const { bridge, user } = await renderApp(signedOutDemo);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Sign in with Zoom' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(bridge.callsTo('signIn')).toHaveLength(1);
  });

  it('joins and copies with the keyboard', async () => {
    const { bridge, user } = await renderApp(signedIn);
    // The row's Join (the now/next card above the list has one too).
    within(screen.getByRole('list', { name: 'Today' }))
      .getByRole('button', { name: 'Join Team stand-up' })
      .focus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy link for Team stand-up' })).toHaveFocus();
    await user.keyboard(' ');
    expect(bridge.callsTo('openJoinUrl')).toHaveLength(1);
    expect(bridge.callsTo('copyText')).toHaveLength(1);
  });

  it('runs the sign-out confirmation from the keyboard', async () => {
    const { bridge, user } = await renderApp(signedIn);
    screen.getByRole('button', { name: 'Sign out…' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(bridge.callsTo('signOut')).toHaveLength(1);
  });

  it('closes the confirmation with Escape', async () => {
    const { bridge, user } = await renderApp(signedIn);
    await user.click(screen.getByRole('button', { name: 'Sign out…' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bridge.callsTo('signOut')).toHaveLength(0);
  });
});
