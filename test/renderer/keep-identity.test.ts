import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import { keepSameMeetings, keepSameSession } from '../../renderer/session/keep-identity.ts';
import {
  fixtureMeetings,
  signedIn,
  signedInProblem,
  signedOut,
  signedOutExpired,
} from '../fakes/session-fixtures.ts';

describe('keepSameMeetings', () => {
  it('gives back the previous array when every meeting is equal, in the same order', () => {
    expect(keepSameMeetings(fixtureMeetings, structuredClone(fixtureMeetings))).toBe(
      fixtureMeetings,
    );
  });

  it('reuses each unchanged meeting and takes the changed one', () => {
    const next = structuredClone(fixtureMeetings) as typeof fixtureMeetings;
    const changed = { ...next[2]!, topic: 'Renamed' };
    const kept = keepSameMeetings(fixtureMeetings, [
      ...next.slice(0, 2),
      changed,
      ...next.slice(3),
    ]);
    expect(kept).not.toBe(fixtureMeetings);
    expect(kept.map((m, i) => m === fixtureMeetings[i])).toEqual([true, true, false, true, true]);
    expect(kept[2]).toBe(changed);
  });

  it('reuses meetings by key when the order changes, and a new array is returned', () => {
    const reversed = structuredClone([...fixtureMeetings].reverse());
    const kept = keepSameMeetings(fixtureMeetings, reversed);
    expect(kept).not.toBe(fixtureMeetings);
    expect(kept).toEqual([...fixtureMeetings].reverse());
    expect(kept.every((m) => fixtureMeetings.includes(m))).toBe(true);
  });

  it('does not reuse across a removed or an added meeting', () => {
    const fewer = structuredClone(fixtureMeetings.slice(1));
    const kept = keepSameMeetings(fixtureMeetings, fewer);
    expect(kept).not.toBe(fixtureMeetings);
    expect(kept).toHaveLength(4);
    expect(kept.every((m) => fixtureMeetings.includes(m))).toBe(true);
  });
});

describe('keepSameSession', () => {
  it('gives back the previous state for an identical copy', () => {
    expect(keepSameSession(signedIn, structuredClone(signedIn))).toBe(signedIn);
    expect(keepSameSession(signedInProblem, structuredClone(signedInProblem))).toBe(
      signedInProblem,
    );
    expect(keepSameSession(signedOutExpired, structuredClone(signedOutExpired))).toBe(
      signedOutExpired,
    );
  });

  it('takes a changed field, keeping the meetings and profile that did not change', () => {
    const next = { ...structuredClone(signedIn), refreshing: true };
    const kept = keepSameSession(signedIn, next) as Extract<SessionState, { kind: 'signed-in' }>;
    expect(kept).not.toBe(signedIn);
    expect(kept.refreshing).toBe(true);
    expect(kept.meetings).toBe(signedIn.meetings);
    expect(kept.profile).toBe(signedIn.profile);
  });

  it('takes a changed notice, and a new kind of state as it is', () => {
    const problem = structuredClone(signedInProblem) as typeof signedInProblem;
    const next = { ...problem, problem: { code: 'offline', message: 'Offline' } } as SessionState;
    expect(keepSameSession(signedInProblem, next)).toMatchObject({ problem: { code: 'offline' } });
    expect(keepSameSession(signedIn, signedOut)).toBe(signedOut);
    expect(keepSameSession(null, signedIn)).toBe(signedIn);
  });

  it('treats an added or removed field as a change', () => {
    const withWait = { ...structuredClone(signedIn), waitUntil: 5 } as SessionState;
    expect(keepSameSession(signedIn, withWait)).toMatchObject({ waitUntil: 5 });
    expect(keepSameSession(withWait, structuredClone(signedIn))).not.toBe(withWait);
  });
});
