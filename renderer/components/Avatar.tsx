import { useState } from 'react';
import { initials } from './initials.ts';

interface AvatarProps {
  url: string | null;
  name: string;
  email: string;
}

/** The Zoom picture, or initials when there is none or it fails to load (offline, CSP, 404). */
export function Avatar({ url, name, email }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const label = `Profile picture of ${name || email}`;
  if (url && !failed) {
    return (
      <img
        className="avatar"
        src={url}
        alt={label}
        width={40}
        height={40}
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span className="avatar avatar--initials" role="img" aria-label={label}>
      {initials(name, email)}
    </span>
  );
}
