// One fetch of what the session shows: profile and meetings side by side, settled together.
import type { Meeting, Notice, Profile } from '../../../preload/contract.ts';
import { isAppError, toFailure } from '../errors.ts';

/** What the session reads from Zoom (main/core/zoom/zoom-api.ts's client). */
export interface SessionZoom {
  getProfile(): Promise<Profile>;
  /** `incomplete`: paging stopped before Zoom's last page; the rows read are kept. */
  readUpcomingMeetings(): Promise<{ meetings: Meeting[]; incomplete: boolean }>;
}

export interface Fetched {
  /** null when the profile was not asked for (a background fetch with a recent profile). */
  profile: Profile | null;
  meetings: readonly Meeting[];
  incomplete: boolean;
}

/**
 * Both requests run in parallel, so a sign-in or a refresh costs one round trip, not two. Both
 * are awaited before deciding, so a failure of one never leaves the other's rejection unheard,
 * and the error reported is the one that matters most.
 */
export async function fetchSessionData(zoom: SessionZoom, withProfile: boolean): Promise<Fetched> {
  const [profile, meetings] = await Promise.allSettled([
    withProfile ? zoom.getProfile() : Promise.resolve(null),
    zoom.readUpcomingMeetings(),
  ]);
  if (profile.status === 'rejected' || meetings.status === 'rejected') {
    throw mostTelling(
      [profile, meetings].flatMap((result) =>
        result.status === 'rejected' ? [result.reason] : [],
      ),
    );
  }
  return {
    profile: profile.value,
    meetings: meetings.value.meetings,
    incomplete: meetings.value.incomplete,
  };
}

/** An ended session outranks a wait, which outranks a plain failure. */
const RANK: Partial<Record<string, number>> = {
  session_expired: 3,
  invalid_client: 3,
  rate_limited: 2,
};

function mostTelling(errors: unknown[]): unknown {
  const rank = (error: unknown) => (isAppError(error) ? (RANK[error.code] ?? 1) : 0);
  return errors.reduce((best, error) => (rank(error) > rank(best) ? error : best));
}

export function toNotice(error: unknown): Notice {
  const { code, message } = toFailure(error);
  return { code, message };
}

/**
 * epoch ms before which Zoom asked not to be called (Retry-After): `retryAt` on any error the
 * auth core holds back (a 429 or a 5xx of the token endpoint), `retryAfterMs` on an API 429;
 * null when the error asks for no wait.
 */
export function waitUntilOf(error: unknown, now: number): number | null {
  if (!isAppError(error)) return null;
  if (typeof error.retryAt === 'number' && error.retryAt > now) return error.retryAt;
  if (
    error.code === 'rate_limited' &&
    'retryAfterMs' in error &&
    typeof error.retryAfterMs === 'number' &&
    error.retryAfterMs > 0
  )
    return now + error.retryAfterMs;
  return null;
}
