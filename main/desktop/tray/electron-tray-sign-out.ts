import type { Dialog } from 'electron';
import type { SignOutResult } from '../../../preload/contract.ts';

const CONFIRM_BUTTON = 0;

/**
 * Sign out from the tray menu asks first, like the window's button does: revoking is not
 * something a stray click in a menu should do. When Zoom could not be reached the person is
 * told how to remove the app themselves.
 */
export function createTraySignOut(deps: {
  dialog: Pick<Dialog, 'showMessageBox'>;
  signOut: () => Promise<SignOutResult>;
}): () => Promise<void> {
  return async () => {
    const { response } = await deps.dialog.showMessageBox({
      type: 'question',
      buttons: ['Sign out', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Sign out and revoke access?',
      detail:
        'Meeting Tray will forget your Zoom session on this computer and ask Zoom to revoke its access.',
    });
    if (response !== CONFIRM_BUTTON) return;
    const result = await deps.signOut();
    if (result.serverRevoked) return;
    await deps.dialog.showMessageBox({
      type: 'warning',
      buttons: ['OK'],
      message: 'Signed out on this computer',
      detail:
        'Zoom could not be reached to revoke access; you can remove the app at marketplace.zoom.us → Installed apps.',
    });
  };
}
