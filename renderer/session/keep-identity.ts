/**
 * Structural sharing for pushed sessions. Main keeps an unchanged meeting list's objects, but
 * IPC copies every push, so each one arrives as new objects even when nothing changed. Reusing
 * the previous objects where the fields are equal gives React back what it memoizes on: an
 * identical push becomes the same state (nothing renders), and a refresh that changes one
 * meeting re-renders one row.
 */
import type { Meeting, SessionState } from '../../preload/contract.ts';

/** Profiles, meetings and notices are flat records of strings, numbers, booleans and nulls. */
function sameFlat(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys)
    if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false;
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return (
    typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && sameFlat(a, b)
  );
}

/**
 * `next` with each meeting replaced by the previous object of the same key when it is equal
 * field for field; `previous` itself when every meeting is reused, in the same order.
 */
export function keepSameMeetings(
  previous: readonly Meeting[],
  next: readonly Meeting[],
): readonly Meeting[] {
  const byKey = new Map(previous.map((meeting) => [meeting.key, meeting]));
  let unchanged = previous.length === next.length;
  const kept = next.map((meeting, index) => {
    const before = byKey.get(meeting.key);
    const same = before !== undefined && sameFlat(before, meeting);
    if (!same || previous[index] !== before) unchanged = false;
    return same ? before : meeting;
  });
  return unchanged ? previous : kept;
}

/**
 * `next`, sharing what did not change with `previous`: `previous` itself when the push is
 * identical; otherwise its meetings and profile where they are equal.
 */
export function keepSameSession(previous: SessionState | null, next: SessionState): SessionState {
  if (!previous || previous.kind !== next.kind) return next;
  const shared: Record<string, unknown> = { ...next };
  if (previous.kind === 'signed-in' && next.kind === 'signed-in') {
    shared.meetings = keepSameMeetings(previous.meetings, next.meetings);
    if (sameFlat(previous.profile, next.profile)) shared.profile = previous.profile;
  }
  const before = previous as unknown as Record<string, unknown>;
  const keys = Object.keys(shared);
  const identical =
    keys.length === Object.keys(before).length &&
    keys.every((key) => sameValue(before[key], shared[key]));
  return identical ? previous : (shared as unknown as SessionState);
}
