import type { Ref } from 'react';
import type { Profile } from '../../preload/contract.ts';
import { zoneDisplayName, type TimeFormat } from '../time/time-format.ts';
import { Avatar } from './Avatar.tsx';

interface ProfileCardProps {
  profile: Profile;
  /** The zone and locale the window shows times in, to say so when Zoom's differs. */
  format: Pick<TimeFormat, 'timeZone' | 'locale'>;
  onSignOut: () => void;
  signOutButtonRef: Ref<HTMLButtonElement>;
}

export function ProfileCard({ profile, format, onSignOut, signOutButtonRef }: ProfileCardProps) {
  const name = profile.displayName || `${profile.firstName} ${profile.lastName}`.trim();
  const zoomZone = profile.timezone;
  return (
    <section className="profile" aria-labelledby="profile-name">
      <Avatar
        key={profile.avatarUrl ?? 'none'}
        url={profile.avatarUrl}
        name={name}
        email={profile.email}
      />
      <div className="profile__text">
        <h2 id="profile-name" className="profile__name">
          {name || profile.email}
        </h2>
        <p className="profile__email">{profile.email}</p>
        {zoomZone ? (
          <p className="profile__zone" data-testid="profile-zone">
            <span title={zoomZone}>Zoom time zone: {zoneDisplayName(zoomZone, format.locale)}</span>
            {zoomZone !== format.timeZone ? (
              <span className="profile__zone-note">
                {' '}
                · times here are in {zoneDisplayName(format.timeZone, format.locale)}
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
      <button
        ref={signOutButtonRef}
        type="button"
        className="button button--quiet"
        onClick={onSignOut}
      >
        Sign out…
      </button>
    </section>
  );
}
