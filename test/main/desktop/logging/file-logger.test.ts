// The app's log file, written by electron-log for real into a temporary folder.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFileLogger,
  LOG_FILE_MAX_BYTES,
} from '../../../../main/desktop/logging/file-logger.ts';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'meeting-tray-logs-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('file logger', () => {
  it('writes every level to main.log, redacted, with error codes readable', () => {
    const { logger, file } = createFileLogger({ directory });
    expect(file).toBe(join(directory, 'main.log'));
    logger.info('signed in');
    logger.warn('refresh failed for https://x/callback?code=SECRET-CODE&state=SECRET-STATE', {
      code: 'offline',
      token: 'SECRET-TOKEN',
      nested: { refresh_token: 'SECRET-REFRESH', status: 503 },
      error: new Error('Bearer SECRET-BEARER'),
    });
    logger.error('sign-in did not complete', { code: 'obBEe8ewaL_KdyNjniT4KPd8ffDWt9fGB' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/SECRET|obBEe8ewaL/);
    expect(text).toMatch(/\[info\]\s+signed in/);
    expect(text).toMatch(/\[warn\]\s+refresh failed/);
    expect(text).toMatch(/\[error\] sign-in did not complete/);
    expect(text).toContain("code: 'offline'");
    expect(text).toContain('status: 503');
    expect(text.trim().split('\n')).toHaveLength(3); // one line per entry
  });

  it('is readable by this user only', () => {
    const { logger, file } = createFileLogger({ directory });
    logger.info('hello');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rotates into main.old.log once the file passes its size', () => {
    const maxBytes = 4096;
    const { logger, file } = createFileLogger({ directory, maxBytes });
    const line = 'x'.repeat(200);
    for (let i = 0; i < 60; i += 1) logger.info(`line ${i} ${line}`);
    const old = join(directory, 'main.old.log');
    expect(existsSync(old)).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(maxBytes + 300);
    expect(readFileSync(file, 'utf8')).toContain('line 59');
    expect(LOG_FILE_MAX_BYTES).toBe(1024 * 1024);
  });
});
