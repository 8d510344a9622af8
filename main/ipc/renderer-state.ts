// The one gate for data leaving main: rebuilds SessionState field by field, so anything that
// is not part of the contract (a token on a stray object, a cause, a prototype) stays behind.
import type {
  DisplayState,
  Meeting,
  Notice,
  Profile,
  SessionState,
} from '../../preload/contract.ts';

export function toRendererState(state: SessionState): SessionState {
  const base = {
    demo: state.demo,
    sessionOnly: copyNotice(state.sessionOnly),
    ...(state.settingsUnsaved !== undefined && {
      settingsUnsaved: copyNotice(state.settingsUnsaved),
    }),
  };
  switch (state.kind) {
    case 'signed-out':
      return { ...base, kind: 'signed-out', reason: copyNotice(state.reason) };
    case 'signing-in':
      return { ...base, kind: 'signing-in', authorizationUrl: state.authorizationUrl };
    case 'error':
      return { ...base, kind: 'error', code: state.code, message: state.message };
    case 'signed-in':
      return {
        ...base,
        kind: 'signed-in',
        profile: copyProfile(state.profile),
        meetings: state.meetings.map(copyMeeting),
        updatedAt: state.updatedAt,
        stale: state.stale,
        offline: state.offline,
        refreshing: state.refreshing,
        problem: copyNotice(state.problem),
        ...(state.waitUntil !== undefined && { waitUntil: copyTime(state.waitUntil) }),
        ...(state.incomplete !== undefined && { incomplete: state.incomplete === true }),
      };
  }
}

function copyNotice(notice: Notice | null): Notice | null {
  return notice === null ? null : { code: notice.code, message: notice.message };
}

function copyTime(value: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function copyProfile(p: Profile): Profile {
  return {
    id: p.id,
    displayName: p.displayName,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    avatarUrl: p.avatarUrl,
    timezone: p.timezone,
    accountType: p.accountType,
  };
}

function copyMeeting(m: Meeting): Meeting {
  return {
    key: m.key,
    id: m.id,
    topic: m.topic,
    startTime: m.startTime,
    startMs: m.startMs,
    durationMinutes: m.durationMinutes,
    timezone: m.timezone,
    joinUrl: m.joinUrl,
    agenda: m.agenda,
    type: m.type,
  };
}

/** The display push, rebuilt the same way: the minute, the zone, the locale and the choices only. */
export function toRendererDisplay(display: DisplayState): DisplayState {
  return {
    now: display.now,
    timeZone: display.timeZone,
    locale: display.locale,
    systemHourCycle: display.systemHourCycle,
    clock: display.clock,
    joinIn: display.joinIn,
  };
}
