import type { Ref } from 'react';
import type { Profile } from '../../preload/contract.ts';
import { Avatar } from './Avatar.tsx';

interface ProfileCardProps {
  profile: Profile;
  onSignOut: () => void;
  signOutButtonRef: Ref<HTMLButtonElement>;
}

export function ProfileCard({ profile, onSignOut, signOutButtonRef }: ProfileCardProps) {
  const name = profile.displayName || `${profile.firstName} ${profile.lastName}`.trim();
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
