import type { Ref } from 'react';
import type { Profile } from '../../preload/contract.ts';
import { Avatar } from './Avatar.tsx';

interface ProfileCardProps {
  profile: Profile;
  onSignOut: () => void;
  signOutButtonRef: Ref<HTMLButtonElement>;
}

const ACCOUNT_TYPES: Record<number, string> = { 1: 'Basic', 2: 'Licensed' };

export function ProfileCard({ profile, onSignOut, signOutButtonRef }: ProfileCardProps) {
  const name = profile.displayName || `${profile.firstName} ${profile.lastName}`.trim();
  const plan = ACCOUNT_TYPES[profile.accountType];
  return (
    <section className="profile" aria-labelledby="profile-name">
      <Avatar key={profile.avatarUrl ?? 'none'} url={profile.avatarUrl} name={name} email={profile.email} />
      <div className="profile__text">
        <h2 id="profile-name" className="profile__name">
          {name || profile.email}
        </h2>
        <p className="profile__email">
          {profile.email}
          {plan ? <span className="badge">{plan}</span> : null}
        </p>
      </div>
      <button ref={signOutButtonRef} type="button" className="button button--quiet" onClick={onSignOut}>
        Sign out…
      </button>
    </section>
  );
}
