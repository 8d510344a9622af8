import { describe, expect, it } from 'vitest';
import { failureAlreadyShown } from '../../renderer/session/already-shown.ts';
import {
  errorKeychainLocked,
  signedIn,
  signedInOffline,
  signedInProblem,
  signedOut,
  signedOutExpired,
  signingIn,
} from '../fakes/session-fixtures.ts';

const failure = (code: Parameters<typeof failureAlreadyShown>[0]['code']) => ({
  ok: false as const,
  code,
  message: 'x',
});

describe('failureAlreadyShown: one message per problem on screen', () => {
  it('is true when the screen already explains the same code', () => {
    expect(failureAlreadyShown(failure('session_expired'), signedOutExpired)).toBe(true);
    expect(failureAlreadyShown(failure('offline'), signedInOffline)).toBe(true);
    expect(failureAlreadyShown(failure('rate_limited'), signedInProblem)).toBe(true);
    expect(failureAlreadyShown(failure('keychain_locked'), errorKeychainLocked)).toBe(true);
  });

  it('is false when the screen says nothing about it', () => {
    expect(failureAlreadyShown(failure('access_denied'), signedOut)).toBe(false);
    expect(failureAlreadyShown(failure('offline'), signedIn)).toBe(false);
    expect(failureAlreadyShown(failure('server_error'), signedInProblem)).toBe(false);
    expect(failureAlreadyShown(failure('browser_open_failed'), signingIn)).toBe(false);
    expect(failureAlreadyShown(failure('offline'), null)).toBe(false);
  });
});
