import { expect, it } from 'vitest';
import { Channel, type SessionState } from '../../../preload/contract.ts';
import { toRendererState } from '../../../main/ipc/renderer-state.ts';
import { createStatePublisher } from '../../../main/ipc/state-publisher.ts';
import { ada, meeting } from '../core/session/session-fakes.ts';

const base = {
  demo: false,
  sessionOnly: { code: 'keychain_unavailable', message: 'Memory only.' },
} as const;
const states: SessionState[] = [
  { ...base, kind: 'signed-out', reason: { code: 'session_expired', message: 'Sign in again.' } },
  { ...base, kind: 'signing-in', authorizationUrl: 'https://zoom.us/oauth/authorize?client_id=x' },
  { ...base, kind: 'error', code: 'missing_scope', message: 'Add the scope.' },
  {
    ...base,
    kind: 'signed-in',
    profile: ada,
    meetings: [meeting('1', '2026-11-24T10:00:00Z'), meeting('2', null)],
    updatedAt: 1,
    stale: true,
    offline: false,
    refreshing: false,
    problem: { code: 'server_error', message: 'Zoom is down.' },
  },
];

it('toRendererState keeps every contract field of every kind', () => {
  for (const state of states) expect(toRendererState(state)).toEqual(state);
});

it('publishes each state on session:changed with anything outside the contract removed', () => {
  const listeners: Array<(state: SessionState) => void> = [];
  const sent: Array<{ channel: string; state: SessionState }> = [];
  const stop = createStatePublisher({
    session: {
      subscribe(listener) {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    },
    send: (channel, state) => sent.push({ channel, state }),
  });

  const signedIn = states[3] as Extract<SessionState, { kind: 'signed-in' }>;
  const leaky = {
    ...signedIn,
    accessToken: 'eyJleaked',
    profile: { ...signedIn.profile, refreshToken: 'eyJrefresh' },
    meetings: signedIn.meetings.map((m) => ({ ...m, hostKey: '123456' })),
  } as SessionState;
  for (const listener of listeners) listener(leaky);

  expect(sent).toEqual([{ channel: Channel.sessionChanged, state: signedIn }]);
  expect(JSON.stringify(sent)).not.toMatch(/eyJ|hostKey|123456/);

  stop();
  expect(listeners).toHaveLength(0);
});
