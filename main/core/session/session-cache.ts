// The last profile and meetings, kept in settings (not secret) so a restart shows them at once.
import type { Meeting, Profile } from '../../../preload/contract.ts';
import type { SettingsStore } from '../ports.ts';
import { startMsOf } from '../zoom/parse-meetings.ts';

export interface SessionData {
  profile: Profile;
  meetings: readonly Meeting[];
  /** epoch ms of the fetch that produced this data */
  updatedAt: number;
  /** The meeting list could not be read to its end (not kept in the cache). */
  incomplete?: boolean;
}

export interface SessionCache {
  read(): SessionData | null;
  write(data: SessionData): void;
  clear(): void;
}

/** Bump the version when the stored shape changes: an old shape is then simply ignored. */
export const SESSION_CACHE_KEY = 'cache.v1';

interface StoredCache extends SessionData {
  /** Whose data this is: a cache that does not match its own profile is discarded. */
  userId: string;
}

export function createSessionCache(settings: SettingsStore): SessionCache {
  return {
    read() {
      const stored = settings.get<unknown>(SESSION_CACHE_KEY);
      return isStoredCache(stored) && stored.userId === stored.profile.id
        ? {
            profile: stored.profile,
            // Read again from startTime: caches from before startMs lack it, and a hand-edited
            // file must not make the two disagree.
            meetings: stored.meetings.map((meeting) => ({
              ...meeting,
              startMs: startMsOf(meeting.startTime),
            })),
            updatedAt: stored.updatedAt,
          }
        : null;
    },
    write(data) {
      const stored: StoredCache = {
        userId: data.profile.id,
        profile: data.profile,
        meetings: data.meetings,
        updatedAt: data.updatedAt,
      };
      settings.set(SESSION_CACHE_KEY, stored);
    },
    clear() {
      settings.delete(SESSION_CACHE_KEY);
    },
  };
}

// The settings file is outside our control (older versions, hand edits): check every field.

function isStoredCache(value: unknown): value is StoredCache {
  if (!isObject(value)) return false;
  return (
    typeof value['userId'] === 'string' &&
    typeof value['updatedAt'] === 'number' &&
    isProfile(value['profile']) &&
    Array.isArray(value['meetings']) &&
    value['meetings'].every(isMeeting)
  );
}

function isProfile(value: unknown): value is Profile {
  return (
    isObject(value) &&
    ['id', 'displayName', 'firstName', 'lastName', 'email'].every(
      (k) => typeof value[k] === 'string',
    ) &&
    isStringOrNull(value['avatarUrl']) &&
    isStringOrNull(value['timezone']) &&
    typeof value['accountType'] === 'number'
  );
}

function isMeeting(value: unknown): value is Meeting {
  return (
    isObject(value) &&
    ['key', 'id', 'topic', 'joinUrl'].every((k) => typeof value[k] === 'string') &&
    isStringOrNull(value['startTime']) &&
    isStringOrNull(value['timezone']) &&
    isStringOrNull(value['agenda']) &&
    typeof value['durationMinutes'] === 'number' &&
    typeof value['type'] === 'number'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}
