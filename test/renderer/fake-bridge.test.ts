import { describe, expect, it } from 'vitest';
import { createDeferred, createFakeBridge } from '../fakes/fake-bridge.ts';
import { signedIn, signedOut } from '../fakes/session-fixtures.ts';

describe('createFakeBridge', () => {
  it('answers getSession with the latest pushed state and notifies subscribers', async () => {
    const bridge = createFakeBridge(signedOut);
    const seen: string[] = [];
    const unsubscribe = bridge.onSessionChanged((state) => seen.push(state.kind));
    bridge.push(signedIn);
    unsubscribe();
    bridge.push(signedOut);
    expect(seen).toEqual(['signed-in']);
    expect((await bridge.getSession()).kind).toBe('signed-out');
  });

  it('records calls and answers with defaults or scripted results', async () => {
    const bridge = createFakeBridge(signedIn);
    expect(await bridge.signOut()).toEqual({ ok: true, value: { serverRevoked: true } });
    bridge.respond('copyText', (text) => ({ ok: false, code: 'unknown', message: `no ${text}` }));
    expect(await bridge.copyText('x')).toEqual({ ok: false, code: 'unknown', message: 'no x' });
    expect(bridge.callsTo('copyText')).toEqual([['x']]);
    expect(bridge.calls.map((call) => call.method)).toEqual(['signOut', 'copyText']);
  });

  it('lets a test decide when a slow action finishes', async () => {
    const bridge = createFakeBridge(signedIn);
    const gate = createDeferred<{ ok: true; value: undefined }>();
    bridge.respond('refreshMeetings', () => gate.promise);
    let settled = false;
    const running = bridge.refreshMeetings().then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    gate.resolve({ ok: true, value: undefined });
    await running;
    expect(settled).toBe(true);
  });
});
