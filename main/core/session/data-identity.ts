// A fetch usually brings back exactly what is already shown. Keeping the old objects then lets
// every later "did anything change?" (publish, cache write) be a reference comparison.
import type { Meeting, Profile } from '../../../preload/contract.ts';

/** `next`, or `previous` when every field is the same. */
export function keepSameProfile(previous: Profile | null | undefined, next: Profile): Profile {
  return previous && sameFlatRecord(previous, next) ? previous : next;
}

/** `next`, or `previous` when it holds the same meetings, field for field, in the same order. */
export function keepSameMeetings(
  previous: readonly Meeting[] | null | undefined,
  next: readonly Meeting[],
): readonly Meeting[] {
  if (!previous || previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i += 1) {
    if (!sameFlatRecord(previous[i]!, next[i]!)) return next;
  }
  return previous;
}

/** Profiles and meetings are flat records of strings, numbers and nulls. */
function sameFlatRecord<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as Array<keyof T>;
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
