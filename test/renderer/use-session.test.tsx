import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeetingTrayApi } from '../../preload/contract.ts';
import { useSession } from '../../renderer/session/use-session.ts';
import { createFakeBridge } from '../fakes/fake-bridge.ts';
import { signedIn, signedOut, signingIn } from '../fakes/session-fixtures.ts';

function Probe({ api }: { api: MeetingTrayApi }) {
  const session = useSession(api);
  return <p data-testid="kind">{session?.kind ?? 'loading'}</p>;
}

describe('useSession', () => {
  it('asks main once, then follows pushed changes', async () => {
    const bridge = createFakeBridge(signedOut);
    render(<Probe api={bridge} />);
    expect(screen.getByTestId('kind')).toHaveTextContent('loading');
    expect(await screen.findByText('signed-out')).toBeInTheDocument();

    act(() => bridge.push(signingIn));
    expect(screen.getByTestId('kind')).toHaveTextContent('signing-in');
    act(() => bridge.push(signedIn));
    expect(screen.getByTestId('kind')).toHaveTextContent('signed-in');
    expect(bridge.callsTo('getSession')).toHaveLength(1);
  });

  it('unsubscribes on unmount', async () => {
    const bridge = createFakeBridge(signedOut);
    const view = render(<Probe api={bridge} />);
    await screen.findByText('signed-out');
    expect(bridge.listenerCount()).toBe(1);
    view.unmount();
    expect(bridge.listenerCount()).toBe(0);
  });

  it('lets a change pushed during getSession win over the older answer', async () => {
    const bridge = createFakeBridge(signedOut);
    const release = bridge.holdGetSession();
    render(<Probe api={bridge} />);
    act(() => bridge.push(signedIn));
    expect(screen.getByTestId('kind')).toHaveTextContent('signed-in');
    await act(async () => release());
    expect(screen.getByTestId('kind')).toHaveTextContent('signed-in');
  });

  it('shows an error state when main cannot be reached at all', async () => {
    const bridge = createFakeBridge(signedOut);
    const broken: MeetingTrayApi = {
      ...bridge,
      getSession: () => Promise.reject(new Error('gone')),
    };
    render(<Probe api={broken} />);
    expect(await screen.findByText('error')).toBeInTheDocument();
  });
});
