import { useEffect, useRef } from 'react';

interface SignOutDialogProps {
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * A native modal dialog: Chromium traps focus, makes the page behind inert and maps Escape to
 * `cancel`. Cancel gets focus first because it is the safe choice.
 */
export function SignOutDialog({ pending, onCancel, onConfirm }: SignOutDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="sign-out-title"
      aria-describedby="sign-out-description"
      onCancel={(event) => {
        // Keep React in charge of closing, so the dialog and `confirming` never disagree.
        event.preventDefault();
        if (!pending) onCancel();
      }}
      onKeyDown={(event) => {
        // Handled here as well so Escape works identically where `cancel` is not fired.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <h2 id="sign-out-title" className="dialog__title">
        Sign out and revoke access?
      </h2>
      <p id="sign-out-description">
        Meeting Tray will forget your Zoom session on this computer and ask Zoom to revoke its
        access.
      </p>
      <div className="dialog__actions">
        <button
          ref={cancelRef}
          type="button"
          className="button"
          onClick={onCancel}
          disabled={pending}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={onConfirm}
          disabled={pending}
          aria-busy={pending}
        >
          {pending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
    </dialog>
  );
}
