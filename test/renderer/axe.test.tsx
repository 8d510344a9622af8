import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { FathomState, NoteSummaryState, SessionState } from '../../preload/contract.ts';
import {
  errorKeychainLocked,
  signedIn,
  signedInOffline,
  signedInProblem,
  signedInEmpty,
  signedOutDemo,
  signedOutExpired,
  signingIn,
} from '../fakes/session-fixtures.ts';
import {
  fathomConnected,
  fathomEmpty,
  fathomOffline,
  SUMMARY_MARKDOWN,
  withSummary,
} from './fathom-fixtures.ts';
import { renderApp } from './render-app.tsx';

async function violations() {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

// happy-dom has no layout, so axe reports colour contrast as "incomplete" rather than checking it,
// and document-level rules (lang, title) need the real index.html: the Chromium e2e run covers both.
describe('axe-core under happy-dom', () => {
  it('really finds violations in this environment', async () => {
    document.body.innerHTML =
      '<main><button></button><img src="x.png"><ul><div>x</div></ul></main>';
    const found = await violations();
    expect(found.map((line) => line.split(':')[0])).toEqual(
      expect.arrayContaining(['button-name', 'image-alt', 'list']),
    );
    document.body.innerHTML = '';
  });

  it.each<[string, SessionState]>([
    ['signed out (demo)', signedOutDemo],
    ['signed out (expired)', signedOutExpired],
    ['signing in', signingIn],
    ['signed in', signedIn],
    ['signed in, empty', signedInEmpty],
    ['signed in, offline', signedInOffline],
    ['signed in, problem', signedInProblem],
    ['error', errorKeychainLocked],
  ])('%s has no violations', async (_name, state) => {
    await renderApp(state);
    expect(await violations()).toEqual([]);
  });

  it('the sign-out dialog has no violations', async () => {
    const { user } = await renderApp(signedIn);
    await user.click(screen.getByRole('button', { name: 'Sign out…' }));
    expect(await violations()).toEqual([]);
  });

  it.each<[string, FathomState]>([
    ['connected', fathomConnected],
    ['offline', fathomOffline],
    ['empty', fathomEmpty],
    ['connecting', { kind: 'connecting', mode: 'oauth', authorizationUrl: 'http://127.0.0.1:1/a' }],
    ['not connected', { kind: 'not-connected', reason: null, removeAppHint: true }],
  ])('recent notes (%s) have no violations', async (_name, fathom) => {
    await renderApp(signedIn, { fathom });
    expect(await violations()).toEqual([]);
  });

  it.each<[string, NoteSummaryState]>([
    ['ready', { kind: 'ready', markdown: SUMMARY_MARKDOWN, templateName: 'General' }],
    ['processing', { kind: 'processing' }],
    ['failed', { kind: 'failed', code: 'rate_limited', message: '429', retryAt: 0 }],
  ])('an opened summary (%s) has no violations', async (_name, summary) => {
    const { user } = await renderApp(signedIn, {
      fathom: withSummary(fathomConnected, 101, summary),
    });
    await user.click(screen.getAllByRole('button', { name: /^Show summary of/u })[0]!);
    expect(await violations()).toEqual([]);
  });

  it.each(['Sign in with Fathom', 'Personal API key'])(
    'Settings → Fathom (%s) has no violations',
    async (mode) => {
      const { user } = await renderApp(signedIn, { fathom: fathomConnected });
      await user.click(screen.getByRole('button', { name: 'Settings' }));
      const section = await screen.findByRole('region', { name: 'Fathom' });
      await user.click(within(section).getByRole('radio', { name: new RegExp(mode, 'u') }));
      expect(await violations()).toEqual([]);
    },
  );
});
