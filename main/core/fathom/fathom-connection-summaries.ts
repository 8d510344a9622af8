// One note's summary, read on demand: from the cache when it was read before, never while
// Fathom asked us to wait (the state says until when), one request per recording at a time.
import { AppError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { NoteSummaryState, Notice } from '../../../preload/contract.ts';
import { describeWait } from '../zoom/zoom-errors.ts';
import { ENDING_CODES, toNotice, waitUntilOf, type Live } from './fathom-connection-support.ts';

export interface SummaryReaderDeps {
  clock: Clock;
  /** False once the connection this session belongs to has ended. */
  isLive(session: Live): boolean;
  publish(): void;
  saveCache(session: Live): void;
  /** Fathom refused the credential for good: the connection ends, wiped. */
  end(notice: Notice): Promise<void>;
}

export function createSummaryReader(deps: SummaryReaderDeps) {
  const { clock } = deps;

  function setSummary(session: Live, recordingId: number, summary: NoteSummaryState) {
    session.summaries = { ...session.summaries, [recordingId]: summary };
  }

  async function read(session: Live, recordingId: number) {
    try {
      const summary = await session.api.getSummary(recordingId);
      if (!deps.isLive(session)) return;
      if (summary.markdown === null) {
        setSummary(session, recordingId, { kind: 'processing' });
        return;
      }
      const ready = { markdown: summary.markdown, templateName: summary.templateName };
      setSummary(session, recordingId, { kind: 'ready', ...ready });
      session.cachedSummaries = { ...session.cachedSummaries, [recordingId]: ready };
    } catch (error) {
      if (!deps.isLive(session)) return;
      const notice = toNotice(error);
      if (ENDING_CODES.has(notice.code)) {
        await deps.end(notice);
        return;
      }
      const waitUntil = waitUntilOf(error, clock.now());
      if (waitUntil !== null) {
        session.holdUntil = Math.max(session.holdUntil, waitUntil);
        session.health = { ...session.health, waitUntil: session.holdUntil };
      }
      setSummary(session, recordingId, { kind: 'failed', ...notice, retryAt: waitUntil });
    }
  }

  return {
    /** Resolves when the summary (or why there is none) is in the state. */
    load(session: Live, recordingId: number): Promise<void> {
      if (!session.notes?.some((note) => note.recordingId === recordingId))
        return Promise.reject(
          new AppError(
            'fathom_not_found',
            'That meeting is not among your recent Fathom notes. Refresh the notes and try again.',
          ),
        );
      if (session.summaries[recordingId]?.kind === 'ready') return Promise.resolve();
      const flight = session.summaryFlights.get(recordingId);
      if (flight) return flight;
      const cached = session.cachedSummaries[recordingId];
      if (cached) {
        setSummary(session, recordingId, { kind: 'ready', ...cached });
        deps.publish();
        return Promise.resolve();
      }
      const now = clock.now();
      if (session.holdUntil > now) {
        // Fathom asked us to wait: no call before then, and the state says until when.
        setSummary(session, recordingId, {
          kind: 'failed',
          code: 'rate_limited',
          message: `Fathom asked Meeting Tray to wait. Try again in ${describeWait(session.holdUntil - now)}.`,
          retryAt: session.holdUntil,
        });
        deps.publish();
        return Promise.resolve();
      }
      setSummary(session, recordingId, { kind: 'loading' });
      const run = read(session, recordingId).finally(() => {
        session.summaryFlights.delete(recordingId);
        deps.publish();
        deps.saveCache(session);
      });
      session.summaryFlights.set(recordingId, run);
      deps.publish();
      return run;
    },
  };
}
