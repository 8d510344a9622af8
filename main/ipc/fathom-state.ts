// The gate for Fathom's state leaving main, as renderer-state.ts is for Zoom's: rebuilt field by
// field, so anything outside the contract (a token on a stray object, a cause) stays behind,
// and every link is one the allow-list would open (anything else goes out empty).
import type { FathomNote, FathomState, NoteSummaryState, Notice } from '../../preload/contract.ts';

/** `isAllowedLink`: the openExternal allow-list for Fathom's links. */
export function toRendererFathomState(
  state: FathomState,
  isAllowedLink: (url: string) => boolean,
): FathomState {
  const link = (url: string) => (isAllowedLink(url) ? url : '');
  switch (state.kind) {
    case 'not-connected':
      return {
        kind: 'not-connected',
        reason: copyNotice(state.reason),
        removeAppHint: state.removeAppHint === true,
      };
    case 'connecting':
      return { kind: 'connecting', mode: state.mode, authorizationUrl: state.authorizationUrl };
    case 'error':
      return { kind: 'error', code: state.code, message: state.message };
    case 'connected':
      return {
        kind: 'connected',
        mode: state.mode,
        notes: state.notes.map((note) => copyNote(note, link)),
        updatedAt: copyTime(state.updatedAt),
        stale: state.stale === true,
        offline: state.offline === true,
        refreshing: state.refreshing === true,
        problem: copyNotice(state.problem),
        waitUntil: copyTime(state.waitUntil),
        incomplete: state.incomplete === true,
        summaries: copySummaries(state.summaries),
      };
  }
}

function copyNote(note: FathomNote, link: (url: string) => string): FathomNote {
  return {
    recordingId: note.recordingId,
    title: note.title,
    startedAt: note.startedAt,
    endedAt: note.endedAt,
    durationMinutes: note.durationMinutes,
    shareUrl: link(note.shareUrl),
    recordedBy: { name: note.recordedBy.name, email: note.recordedBy.email },
    actionItems: note.actionItems.map((item) => ({
      description: item.description,
      completed: item.completed,
      assignee: { name: item.assignee.name, email: item.assignee.email },
      mine: item.mine,
      playbackUrl: link(item.playbackUrl),
      timestamp: item.timestamp,
    })),
  };
}

function copySummaries(
  summaries: Readonly<Record<number, NoteSummaryState>>,
): Record<number, NoteSummaryState> {
  const copy: Record<number, NoteSummaryState> = {};
  for (const [key, summary] of Object.entries(summaries)) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0) continue;
    copy[id] = copySummary(summary);
  }
  return copy;
}

function copySummary(summary: NoteSummaryState): NoteSummaryState {
  switch (summary.kind) {
    case 'loading':
      return { kind: 'loading' };
    case 'processing':
      return { kind: 'processing' };
    case 'ready':
      return { kind: 'ready', markdown: summary.markdown, templateName: summary.templateName };
    case 'failed':
      return {
        kind: 'failed',
        code: summary.code,
        message: summary.message,
        retryAt: copyTime(summary.retryAt),
      };
  }
}

function copyNotice(notice: Notice | null): Notice | null {
  return notice === null ? null : { code: notice.code, message: notice.message };
}

function copyTime(value: number | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
