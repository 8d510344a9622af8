import { useCallback, useRef, useState } from 'react';
import type { Meeting, SessionState, SignOutResult } from '../../preload/contract.ts';
import { errorCopy } from '../copy/error-copy.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction } from '../session/use-action.ts';
import type { TimeFormat } from '../time/time-format.ts';
import { MeetingList } from './MeetingList.tsx';
import { NowNextCard } from './NowNextCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { SignOutDialog } from './SignOutDialog.tsx';
import { Spinner } from './Spinner.tsx';
import { StatusBanner } from './StatusBanner.tsx';

type SignedIn = Extract<SessionState, { kind: 'signed-in' }>;

interface SignedInScreenProps extends ScreenContext {
  session: SignedIn;
  format: TimeFormat;
  /** Main's minute (epoch ms): the countdowns move when main ticks. */
  now: number;
  today: string;
  onSignedOut: (result: SignOutResult) => void;
}

export function SignedInScreen({
  session,
  format,
  now,
  today,
  api,
  onFailure,
  announce,
  onSignedOut,
}: SignedInScreenProps) {
  const [confirming, setConfirming] = useState(false);
  const signOutButton = useRef<HTMLButtonElement>(null);

  const refresh = useAction(api.refreshMeetings, onFailure);
  const signOut = useAction(api.signOut, onFailure);
  const join = useAction(api.openJoinUrl, onFailure);
  const copy = useAction(api.copyText, onFailure);

  const joinRun = join.run;
  const copyRun = copy.run;
  const onJoin = useCallback((meeting: Meeting) => void joinRun(meeting.joinUrl), [joinRun]);
  const onCopy = useCallback(
    async (meeting: Meeting) => {
      const result = await copyRun(meeting.joinUrl);
      if (result.ok) announce(`Link copied: ${meeting.topic || 'Untitled meeting'}`);
    },
    [copyRun, announce],
  );
  const onCopyRow = useCallback((meeting: Meeting) => void onCopy(meeting), [onCopy]);

  const refreshing = session.refreshing || refresh.pending;

  const closeDialog = () => {
    setConfirming(false);
    signOutButton.current?.focus();
  };

  return (
    <>
      <ProfileCard
        profile={session.profile}
        format={format}
        onSignOut={() => setConfirming(true)}
        signOutButtonRef={signOutButton}
      />
      <StatusBanner
        offline={session.offline}
        stale={session.stale}
        updatedAt={session.updatedAt}
        format={format}
      />
      {session.incomplete ? (
        <p className="banner banner--muted" data-testid="incomplete">
          This list may be incomplete: Zoom did not send all of it.
        </p>
      ) : null}
      {session.problem ? (
        <div className="notice notice--warning" data-testid="problem">
          <p className="notice__title">{errorCopy(session.problem.code).title}</p>
          <p>
            {session.waitUntil
              ? `Zoom asked us to wait until ${format.clock(session.waitUntil)}. Meeting Tray will try again then.`
              : session.problem.message}
          </p>
        </div>
      ) : null}
      <NowNextCard meetings={session.meetings} now={now} format={format} onJoin={onJoin} />
      <section className="meetings" aria-labelledby="meetings-title" aria-busy={refreshing}>
        <div className="meetings__header">
          <h2 id="meetings-title">Upcoming meetings</h2>
          <button
            type="button"
            className="button button--small"
            disabled={refreshing}
            aria-busy={refreshing}
            onClick={async () => {
              const result = await refresh.run();
              if (result.ok) announce('Meetings updated');
            }}
          >
            {refreshing ? <Spinner /> : null}
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
        <MeetingList
          meetings={session.meetings}
          today={today}
          format={format}
          onJoin={onJoin}
          onCopy={onCopyRow}
        />
      </section>
      {confirming ? (
        <SignOutDialog
          pending={signOut.pending}
          onCancel={closeDialog}
          onConfirm={async () => {
            const result = await signOut.run();
            setConfirming(false);
            if (result.ok) onSignedOut(result.value);
            else signOutButton.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
