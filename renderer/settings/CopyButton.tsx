import { useState } from 'react';
import type { MeetingTrayApi } from '../../preload/contract.ts';
import { useAction, type Failure } from '../session/use-action.ts';

interface CopyButtonProps {
  api: MeetingTrayApi;
  onFailure: (failure: Failure) => void;
  text: string;
  /** What is copied, for screen readers ("Copy the redirect URL"). */
  label: string;
}

/** Copies `text` through main's clipboard and says "Copied" once it is there. */
export function CopyButton({ api, onFailure, text, label }: CopyButtonProps) {
  const copy = useAction(api.copyText, onFailure);
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="button button--small"
      aria-label={label}
      onClick={() => void copy.run(text).then((result) => setCopied(result.ok))}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
