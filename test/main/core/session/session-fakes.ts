import type { Meeting, Profile } from '../../../../preload/contract.ts';
import type { Logger, WakeEvents } from '../../../../main/core/ports.ts';
import type { ZoomApi } from '../../../../main/core/zoom/zoom-api.ts';

export const ada: Profile = {
  id: 'KdYy7pTRRayJ9EfQqMo2gA',
  displayName: 'Ada Okafor',
  firstName: 'Ada',
  lastName: 'Okafor',
  email: 'ada.okafor@example.com',
  avatarUrl: null,
  timezone: 'Europe/Berlin',
  accountType: 2,
};

export function meeting(id: string, startTime: string | null, topic = `Meeting ${id}`): Meeting {
  return {
    key: `${id}@${startTime ?? 'none'}`,
    id,
    topic,
    startTime,
    durationMinutes: 30,
    timezone: 'Europe/Berlin',
    joinUrl: `https://us05web.zoom.us/j/${id}`,
    agenda: null,
    type: startTime === null ? 3 : 2,
  };
}

/** A scripted ZoomApi: set what it answers, make it fail, or hold answers until released. */
export function createFakeZoom(initial: { profile?: Profile; meetings?: Meeting[] } = {}) {
  let profile = initial.profile ?? ada;
  let meetings = initial.meetings ?? [meeting('85746065432', '2026-11-24T15:00:00Z')];
  let failure: Error | null = null;
  let gate: Promise<void> | null = null;
  const calls = { profile: 0, meetings: 0 };

  const api: ZoomApi = {
    async getProfile() {
      calls.profile += 1;
      if (gate) await gate;
      if (failure) throw failure;
      return profile;
    },
    async listUpcomingMeetings() {
      calls.meetings += 1;
      if (failure) throw failure;
      return meetings;
    },
  };

  return {
    api,
    calls,
    answer(next: { profile?: Profile; meetings?: Meeting[] }) {
      profile = next.profile ?? profile;
      meetings = next.meetings ?? meetings;
    },
    fail(error: Error | null) {
      failure = error;
    },
    /** Holds every getProfile until the returned release is called. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return () => release();
    },
  };
}

export function createFakeWake() {
  const listeners = new Set<(reason: 'resume' | 'unlock' | 'online') => void>();
  const wake: WakeEvents = {
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    wake,
    emit(reason: 'resume' | 'unlock' | 'online') {
      for (const listener of [...listeners]) listener(reason);
    },
    listenerCount: () => listeners.size,
  };
}

export function createRecordingLogger() {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, fields }));
  };
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  return { logger, lines };
}
