import { describe, expect, it } from 'vitest';
import { createSenderCheck } from '../../../main/ipc/sender-check.ts';

describe('createSenderCheck', () => {
  it('accepts the browser harness origin with its exact port only', () => {
    const check = createSenderCheck({
      allowedOrigins: ['http://127.0.0.1:41234'],
      allowedWebContentsIds: () => [1],
    });
    const harness = {
      frameUrl: 'http://127.0.0.1:41234/?token=abc',
      isMainFrame: true,
      webContentsId: 1,
    };
    expect(check(harness)).toBe(true);
    expect(check({ ...harness, frameUrl: 'http://127.0.0.1:41235/' })).toBe(false);
    expect(check({ ...harness, frameUrl: 'http://localhost:41234/' })).toBe(false);
    expect(check({ ...harness, frameUrl: 'https://127.0.0.1:41234/' })).toBe(false);
  });
});
