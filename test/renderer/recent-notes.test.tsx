import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FathomState } from '../../preload/contract.ts';
import { SUMMARY_PROCESSING } from '../../renderer/fathom/NoteSummary.tsx';
import { NO_RECENT_NOTES } from '../../renderer/fathom/RecentNotes.tsx';
import { CONNECT_FATHOM_PROMPT, REMOVE_APP_HINT } from '../../renderer/fathom/fathom-copy.ts';
import { createDeferred } from '../fakes/fake-bridge.ts';
import { FIXTURE_NOW, signedIn, signedOut } from '../fakes/session-fixtures.ts';
import {
  fathomConnected,
  fathomEmpty,
  fathomOffline,
  noteToday,
  SUMMARY_MARKDOWN,
  withSummary,
} from './fathom-fixtures.ts';
import { renderApp } from './render-app.tsx';

const notesSection = () => screen.getByRole('region', { name: 'Recent notes' });
const noteCard = (title: RegExp) =>
  within(notesSection())
    .getAllByTestId('note')
    .find((card) => title.test(card.textContent ?? ''))!;

describe('recent notes: what each note shows', () => {
  it('lists the notes newest first with title, day, time and length', async () => {
    await renderApp(signedIn, { fathom: fathomConnected });
    const cards = within(notesSection()).getAllByTestId('note');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    const title = first.getByRole('heading', { level: 3 });
    // Long titles wrap to two lines; the whole title is on hover and read out.
    expect(title).toHaveTextContent(noteToday.title);
    expect(title).toHaveAttribute('title', noteToday.title);
    // A length never breaks between its number and unit (a no-break space).
    expect(cards[0]!.textContent).toContain('Today · 08:00–08:42 · 42\u00a0min');
    // Yesterday's has no length from main: its two ends give it.
    expect(cards[1]!.textContent).toContain('Yesterday · 15:00–15:25 · 25\u00a0min');
  });

  it('follows the person’s clock: 12-hour when main says so', async () => {
    await renderApp(signedIn, { fathom: fathomConnected, display: { clock: '12h' } });
    expect(within(notesSection()).getAllByTestId('note')[0]).toHaveTextContent(
      /Today · 8:00\s?am–8:42\s?am/iu,
    );
  });

  it('shows the action items with assignees, the person’s own first and marked “You”', async () => {
    await renderApp(signedIn, { fathom: fathomConnected });
    const items = within(noteCard(/renewal/u)).getAllByTestId('action-item');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Send Globex the revised pricing sheetYou'),
      expect.stringContaining('Book the security reviewYou'),
      expect.stringContaining('Share the questionnaire with legalLee Wong'),
    ]);
    expect(within(items[0]!).getByText('You')).toHaveClass('badge--mine');
    expect(within(items[2]!).queryByText('You')).toBeNull();
  });

  it('strikes and ticks completed items, and says “Done” to screen readers', async () => {
    await renderApp(signedIn, { fathom: fathomConnected });
    const [open, done] = within(noteCard(/renewal/u)).getAllByTestId('action-item');
    expect(done).toHaveClass('action-item--done');
    expect(done!.querySelector('s')).toHaveTextContent('Book the security review');
    expect(done).toHaveTextContent('✓');
    expect(within(done!).getByText('Done:', { exact: false })).toHaveClass('visually-hidden');
    expect(open!.querySelector('s')).toBeNull();
    expect(open).toHaveTextContent('○');
  });

  it('opens the share link and an item’s moment in Fathom through the bridge', async () => {
    const { bridge, user } = await renderApp(signedIn, { fathom: fathomConnected });
    const card = within(noteCard(/renewal/u));
    await user.click(card.getByRole('button', { name: `Open ${noteToday.title} in Fathom` }));
    await user.click(card.getAllByRole('button', { name: 'Play from 21:14 in Fathom' })[0]!);
    expect(bridge.callsTo('openFathomLink')).toEqual([
      ['https://fathom.video/share/Xy7pQ2aBcD'],
      ['https://fathom.video/calls/101?timestamp=1274'],
    ]);
  });
});

describe('recent notes: a summary on demand', () => {
  it('asks main once when opened, and shows “loading” until main has it', async () => {
    const { bridge, user } = await renderApp(signedIn, { fathom: fathomConnected });
    // Nothing is fetched per note on its own: only what the person opens.
    expect(bridge.callsTo('loadFathomSummary')).toEqual([]);
    const toggle = within(noteCard(/renewal/u)).getByRole('button', {
      name: `Show summary of ${noteToday.title}`,
    });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(bridge.callsTo('loadFathomSummary')).toEqual([[101]]);
    const summary = within(noteCard(/renewal/u)).getByTestId('note-summary');
    expect(summary).toHaveAttribute('aria-busy', 'true');
    expect(summary).toHaveTextContent('Loading the summary…');
    act(() => bridge.pushFathom(withSummary(fathomConnected, 101, { kind: 'loading' })));
    expect(summary).toHaveTextContent('Loading the summary…');
  });

  it('renders a ready summary safely, with links through Fathom’s opener', async () => {
    const state = withSummary(fathomConnected, 101, {
      kind: 'ready',
      markdown: SUMMARY_MARKDOWN,
      templateName: 'General',
    });
    const { bridge, user } = await renderApp(signedIn, { fathom: state });
    const card = within(noteCard(/renewal/u));
    await user.click(card.getByRole('button', { name: /^Show summary of/u }));
    // Already held by main: not asked again.
    expect(bridge.callsTo('loadFathomSummary')).toEqual([]);
    const summary = card.getByTestId('note-summary');
    expect(summary).toHaveAttribute('aria-busy', 'false');
    expect(within(summary).getByRole('heading', { name: 'Meeting Purpose' }).tagName).toBe('H5');
    expect(within(summary).getByText('Globex').tagName).toBe('STRONG');
    expect(summary).toHaveTextContent('General summary');
    expect(summary.querySelector('script')).toBeNull();
    expect(within(summary).getAllByRole('link')).toHaveLength(1);
    await user.click(within(summary).getByRole('link', { name: 'Jump to pricing' }));
    expect(bridge.callsTo('openFathomLink')).toEqual([
      ['https://fathom.video/calls/101?timestamp=1274'],
    ]);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('says when Fathom is still writing it, and checks again when asked', async () => {
    const state = withSummary(fathomConnected, 101, { kind: 'processing' });
    const { bridge, user } = await renderApp(signedIn, { fathom: state });
    const card = within(noteCard(/renewal/u));
    await user.click(card.getByRole('button', { name: /^Show summary of/u }));
    expect(card.getByTestId('summary-processing')).toHaveTextContent(SUMMARY_PROCESSING);
    expect(bridge.callsTo('loadFathomSummary')).toEqual([]);
    await user.click(card.getByRole('button', { name: 'Check again' }));
    expect(bridge.callsTo('loadFathomSummary')).toEqual([[101]]);
  });

  it('explains a failure with its copy, and when Fathom asked us to wait', async () => {
    const retryAt = Date.parse('2026-11-24T09:07:00Z');
    const state = withSummary(fathomConnected, 101, {
      kind: 'failed',
      code: 'rate_limited',
      message: 'Too many requests',
      retryAt,
    });
    const { bridge, user } = await renderApp(signedIn, { fathom: state });
    const card = within(noteCard(/renewal/u));
    await user.click(card.getByRole('button', { name: /^Show summary of/u }));
    // Opening a failed summary asks again at once (main holds back while Fathom said wait).
    expect(bridge.callsTo('loadFathomSummary')).toEqual([[101]]);
    const failed = card.getByTestId('summary-failed');
    expect(failed).toHaveTextContent('Fathom asked us to wait until 09:07. Try again then.');
    await user.click(card.getByRole('button', { name: 'Try again' }));
    expect(bridge.callsTo('loadFathomSummary')).toEqual([[101], [101]]);
  });

  it('shows the error copy when there is no wait to tell', async () => {
    const state = withSummary(fathomConnected, 101, {
      kind: 'failed',
      code: 'server_error',
      message: 'Fathom answered 502',
      retryAt: null,
    });
    const { bridge, user } = await renderApp(signedIn, { fathom: state });
    const hold = createDeferred<{ ok: true; value: undefined }>();
    bridge.respond('loadFathomSummary', () => hold.promise);
    const card = within(noteCard(/renewal/u));
    await user.click(card.getByRole('button', { name: /^Show summary of/u }));
    // While main is asked again, it reads as loading, not as the old failure.
    expect(card.getByTestId('note-summary')).toHaveTextContent('Loading the summary…');
    await act(async () => hold.resolve({ ok: true, value: undefined }));
    const failed = card.getByTestId('summary-failed');
    expect(failed).toHaveTextContent(/Fathom .*problems|error/iu);
    expect(failed).toHaveTextContent(/try again/iu);
  });
});

describe('recent notes: offline, empty, updating', () => {
  it('marks cached notes stale when offline, like the meetings’ banner', async () => {
    await renderApp(signedIn, { fathom: fathomOffline });
    const section = notesSection();
    expect(within(section).getByTestId('notes-stale-banner')).toHaveTextContent(
      'Offline — notes updated 08:55',
    );
    expect(section).toHaveClass('notes--stale');
    expect(within(section).getAllByTestId('note')).toHaveLength(2);
    // The banner says it all: no second notice for the same cause.
    expect(within(section).queryByTestId('notes-problem')).toBeNull();
  });

  it('says “not up to date” and the reason when Fathom failed for another reason', async () => {
    const state: FathomState = {
      ...fathomConnected,
      stale: true,
      problem: { code: 'rate_limited', message: '429' },
      waitUntil: Date.parse('2026-11-24T09:15:00Z'),
    };
    await renderApp(signedIn, { fathom: state });
    expect(screen.getByTestId('notes-stale-banner')).toHaveTextContent(
      'Not up to date — notes updated 08:55',
    );
    expect(screen.getByTestId('notes-problem')).toHaveTextContent(
      'Fathom asked us to wait until 09:15.',
    );
  });

  it('is not marked stale when fresh', async () => {
    await renderApp(signedIn, { fathom: fathomConnected });
    expect(screen.queryByTestId('notes-stale-banner')).toBeNull();
    expect(notesSection()).not.toHaveClass('notes--stale');
  });

  it('says so when nothing was recorded in the past 7 days', async () => {
    await renderApp(signedIn, { fathom: fathomEmpty });
    expect(within(notesSection()).getByTestId('no-notes')).toHaveTextContent(NO_RECENT_NOTES);
  });

  it('updates on request and announces it', async () => {
    const { bridge, user } = await renderApp(signedIn, { fathom: fathomConnected });
    await user.click(screen.getByRole('button', { name: 'Update notes' }));
    expect(bridge.callsTo('refreshFathom')).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Notes updated');
    // The meetings' own Refresh is a different button, untouched.
    expect(bridge.callsTo('refreshMeetings')).toEqual([]);
  });
});

describe('recent notes: beside Zoom, whatever Zoom’s state', () => {
  it('shows the notes while Zoom is signed out', async () => {
    await renderApp(signedOut, { fathom: fathomConnected });
    expect(screen.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    expect(within(notesSection()).getAllByTestId('note')).toHaveLength(2);
  });

  it('not connected: one small way to Settings instead of the section', async () => {
    const { user } = await renderApp(signedIn);
    expect(screen.queryByRole('region', { name: 'Recent notes' })).toBeNull();
    expect(screen.getByTestId('fathom-prompt')).toHaveTextContent(CONNECT_FATHOM_PROMPT);
    await user.click(screen.getByRole('button', { name: 'Connect Fathom' }));
    expect(screen.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Fathom' })).toBeVisible();
  });

  it('after a disconnect: where to remove the app in Fathom', async () => {
    await renderApp(signedIn, {
      fathom: { kind: 'not-connected', reason: null, removeAppHint: true },
    });
    expect(screen.getByTestId('fathom-prompt')).toHaveTextContent(REMOVE_APP_HINT);
    expect(REMOVE_APP_HINT).toMatch(/in Fathom's settings/u);
  });

  it('connecting: the section says to continue in the browser, and can stop', async () => {
    const { bridge, user } = await renderApp(signedIn, {
      fathom: { kind: 'connecting', mode: 'oauth', authorizationUrl: 'http://127.0.0.1:1/x' },
    });
    expect(screen.getByTestId('fathom-connecting')).toHaveTextContent(/continue in your browser/u);
    await user.click(screen.getByRole('button', { name: "Open Fathom's page again" }));
    await user.click(screen.getByRole('button', { name: 'Stop connecting Fathom' }));
    expect(bridge.callsTo('reopenFathomConnectPage')).toHaveLength(1);
    expect(bridge.callsTo('cancelFathomConnect')).toHaveLength(1);
  });

  it('follows main’s pushes: connected → notes, then not connected → the prompt', async () => {
    const { bridge } = await renderApp(signedIn, {
      fathom: { kind: 'connecting', mode: 'oauth', authorizationUrl: null },
    });
    act(() => bridge.pushFathom(fathomConnected));
    expect(within(notesSection()).getAllByTestId('note')).toHaveLength(2);
    // The OAuth connection finished in the browser: said in the feedback region.
    expect(screen.getByRole('status')).toHaveTextContent('Fathom connected');
    act(() => bridge.pushFathom({ kind: 'not-connected', reason: null, removeAppHint: false }));
    expect(screen.queryByRole('region', { name: 'Recent notes' })).toBeNull();
    expect(screen.getByTestId('fathom-prompt')).toBeVisible();
    // Zoom's meetings never moved.
    expect(screen.getByRole('heading', { name: 'Upcoming meetings' })).toBeVisible();
    expect(FIXTURE_NOW).toBeGreaterThan(0);
  });
});

describe('recent notes: keyboard and screen readers', () => {
  it('every action is reachable with Tab, and Enter opens a summary', async () => {
    const { bridge, user } = await renderApp(signedIn, { fathom: fathomConnected });
    const update = screen.getByRole('button', { name: 'Update notes' });
    update.focus();
    await user.tab();
    expect(screen.getByRole('button', { name: `Open ${noteToday.title} in Fathom` })).toHaveFocus();
    await user.tab();
    const toggle = screen.getByRole('button', { name: `Show summary of ${noteToday.title}` });
    expect(toggle).toHaveFocus();
    await user.tab();
    expect(
      within(noteCard(/renewal/u)).getAllByRole('button', { name: /^Play from / })[0],
    ).toHaveFocus();
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    expect(bridge.callsTo('loadFathomSummary')).toEqual([[101]]);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAttribute(
      'aria-controls',
      within(noteCard(/renewal/u)).getByTestId('note-summary').id,
    );
  });

  it('says politely what the list is showing: how many, updating, offline', async () => {
    const { bridge } = await renderApp(signedIn, { fathom: fathomConnected });
    const announcer = screen.getByTestId('notes-announcer');
    expect(announcer).toHaveAttribute('aria-live', 'polite');
    expect(announcer).toHaveTextContent('2 recent notes');
    act(() => bridge.pushFathom({ ...fathomConnected, refreshing: true }));
    expect(announcer).toHaveTextContent('Updating notes');
    act(() => bridge.pushFathom(fathomOffline));
    expect(screen.getByTestId('notes-announcer')).toHaveTextContent(
      'Offline — showing saved notes',
    );
  });
});
