import type { Dialog, MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createTraySignOut } from '../../../../main/desktop/tray/electron-tray-sign-out.ts';

function fakeDialog(responses: number[]) {
  const shown: MessageBoxOptions[] = [];
  const dialog = {
    showMessageBox: async (options: MessageBoxOptions) => {
      shown.push(options);
      return { response: responses.shift() ?? 1, checkboxChecked: false };
    },
  } as unknown as Pick<Dialog, 'showMessageBox'>;
  return { dialog, shown };
}

describe('sign out from the tray', () => {
  it('does nothing when the person cancels the confirmation', async () => {
    const { dialog, shown } = fakeDialog([1]);
    let signedOut = 0;
    await createTraySignOut({
      dialog,
      signOut: async () => ((signedOut += 1), { serverRevoked: true }),
    })();
    expect(signedOut).toBe(0);
    expect(shown.map((s) => s.message)).toEqual(['Sign out and revoke access?']);
    expect(shown[0]?.cancelId).toBe(1);
  });

  it('signs out after confirmation and says nothing more when Zoom revoked', async () => {
    const { dialog, shown } = fakeDialog([0]);
    let signedOut = 0;
    await createTraySignOut({
      dialog,
      signOut: async () => ((signedOut += 1), { serverRevoked: true }),
    })();
    expect(signedOut).toBe(1);
    expect(shown).toHaveLength(1);
  });

  it('tells the person how to remove the app when Zoom could not be reached', async () => {
    const { dialog, shown } = fakeDialog([0, 0]);
    await createTraySignOut({ dialog, signOut: async () => ({ serverRevoked: false }) })();
    expect(shown[1]?.message).toBe('Signed out on this computer');
    expect(shown[1]?.detail).toContain('marketplace.zoom.us → Installed apps');
  });
});
