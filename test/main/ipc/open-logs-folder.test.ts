// Settings' "Open logs folder" crosses the one IPC door like every other call.
import { describe, expect, it } from 'vitest';
import { Channel } from '../../../preload/contract.ts';
import { createIpcHandlers, type IpcHandlerDeps } from '../../../main/ipc/ipc-handlers.ts';

const unused = () => {
  throw new Error('not used by this channel');
};

function handlers(openLogsFolder?: () => Promise<void>) {
  const deps = {
    session: { getState: unused },
    openExternal: unused,
    isAllowedExternalUrl: unused,
    writeClipboard: unused,
    settings: {},
    screens: { take: unused },
    ...(openLogsFolder ? { openLogsFolder } : {}),
  } as unknown as IpcHandlerDeps;
  return createIpcHandlers(deps);
}

describe(Channel.openLogsFolder, () => {
  it('opens the folder once per call', async () => {
    let opened = 0;
    const table = handlers(async () => void (opened += 1));
    await expect(table[Channel.openLogsFolder]([])).resolves.toEqual({
      ok: true,
      value: undefined,
    });
    expect(opened).toBe(1);
  });

  it('answers logs_folder_unavailable when the OS refuses, or the host has no log file', async () => {
    const refused = handlers(() => Promise.reject(new Error('No application is associated')));
    for (const table of [refused, handlers()]) {
      await expect(table[Channel.openLogsFolder]([])).resolves.toMatchObject({
        ok: false,
        code: 'logs_folder_unavailable',
      });
    }
  });

  it('takes no arguments', async () => {
    let opened = 0;
    const table = handlers(async () => void (opened += 1));
    await expect(table[Channel.openLogsFolder](['/etc'])).resolves.toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
    expect(opened).toBe(0);
  });
});
