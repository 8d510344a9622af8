import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeepLinkInbox } from '../../../../main/desktop/deep-links/deep-link-inbox.ts';
import {
  findDeepLinkInArgv,
  isOurDeepLink,
  protocolClientRegistration,
} from '../../../../main/desktop/deep-links/deep-link-argv.ts';

const CALLBACK = 'meetingtray://oauth/callback?code=abc&state=xyz';

describe('deep-link validation', () => {
  it('accepts only the OAuth callback of our scheme', () => {
    expect(isOurDeepLink(CALLBACK)).toBe(true);
    expect(isOurDeepLink('MEETINGTRAY://oauth/callback?code=a&state=b')).toBe(true);
    expect(isOurDeepLink('meetingtray://oauth/other')).toBe(false);
    expect(isOurDeepLink('meetingtray://evil/callback')).toBe(false);
    expect(isOurDeepLink('meetingtray://user@oauth/callback')).toBe(false);
    expect(isOurDeepLink('meetingtray://oauth:99/callback')).toBe(false);
    expect(isOurDeepLink('othertray://oauth/callback')).toBe(false);
    expect(isOurDeepLink('meetingtray://oauth/callback?x=1 --gpu-launcher=calc')).toBe(false);
    expect(isOurDeepLink(`meetingtray://oauth/callback?code=${'a'.repeat(5000)}`)).toBe(false);
  });
});

describe('findDeepLinkInArgv', () => {
  it('finds nothing in an ordinary launch', () => {
    expect(findDeepLinkInArgv(['/opt/Meeting Tray/meeting-tray', '--hidden'])).toEqual({
      kind: 'none',
    });
  });

  it('finds the one link after the Windows sentinel', () => {
    expect(findDeepLinkInArgv(['C:\\MT\\Meeting Tray.exe', '--', CALLBACK])).toEqual({
      kind: 'link',
      url: CALLBACK,
    });
  });

  it('finds the link in a development launch (electron . -- url)', () => {
    expect(findDeepLinkInArgv(['/x/electron', '/repo', '--', CALLBACK])).toEqual({
      kind: 'link',
      url: CALLBACK,
    });
  });

  it('rejects two links, even identical ones', () => {
    expect(findDeepLinkInArgv(['app', CALLBACK, CALLBACK]).kind).toBe('rejected');
  });

  it('rejects a link smuggled into a switch', () => {
    expect(findDeepLinkInArgv(['app', `--inspect=${CALLBACK}`]).kind).toBe('rejected');
  });

  it('rejects a link of our scheme that is not the callback', () => {
    expect(findDeepLinkInArgv(['app', 'meetingtray://settings/reset'])).toEqual({
      kind: 'rejected',
      reason: 'not a Meeting Tray sign-in callback',
    });
  });

  it('never puts the URL in the rejection reason (it may carry a code)', () => {
    const result = findDeepLinkInArgv([
      'app',
      CALLBACK,
      'meetingtray://oauth/callback?code=secret',
    ]);
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('ignores non-string junk', () => {
    expect(findDeepLinkInArgv(['app', undefined as unknown as string, CALLBACK])).toEqual({
      kind: 'link',
      url: CALLBACK,
    });
  });
});

describe('protocolClientRegistration', () => {
  it('in development passes the entry script and the -- sentinel', () => {
    expect(
      protocolClientRegistration({
        defaultApp: true,
        execPath: '/x/electron',
        entryScript: '.',
        platform: 'win32',
        resolvePath: resolve,
      }),
    ).toEqual({ scheme: 'meetingtray', path: '/x/electron', args: [resolve('.'), '--'] });
  });

  it('packaged on Windows passes the sentinel only', () => {
    expect(
      protocolClientRegistration({
        defaultApp: false,
        execPath: 'C:\\MT\\mt.exe',
        entryScript: undefined,
        platform: 'win32',
        resolvePath: resolve,
      }),
    ).toEqual({ scheme: 'meetingtray', path: 'C:\\MT\\mt.exe', args: ['--'] });
  });

  it('packaged on macOS and Linux registers just the scheme', () => {
    expect(
      protocolClientRegistration({
        defaultApp: false,
        execPath: '/Applications/MT',
        entryScript: undefined,
        platform: 'darwin',
        resolvePath: resolve,
      }),
    ).toEqual({ scheme: 'meetingtray' });
  });
});

describe('deep-link inbox', () => {
  it('queues links until opened, then delivers in order and directly afterwards', () => {
    const inbox = createDeepLinkInbox();
    inbox.push('a');
    inbox.push('b');
    expect(inbox.pending()).toBe(2);
    const delivered: string[] = [];
    inbox.open((url) => delivered.push(url));
    inbox.push('c');
    expect(delivered).toEqual(['a', 'b', 'c']);
    expect(inbox.pending()).toBe(0);
  });

  it('keeps only the newest few links from a flood before start-up', () => {
    const inbox = createDeepLinkInbox();
    for (let i = 0; i < 20; i += 1) inbox.push(`link-${i}`);
    const delivered: string[] = [];
    inbox.open((url) => delivered.push(url));
    expect(delivered).toEqual(['link-15', 'link-16', 'link-17', 'link-18', 'link-19']);
  });
});
