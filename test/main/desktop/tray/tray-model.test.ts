import { describe, expect, it } from 'vitest';
import { buildTrayModel, type TrayItem } from '../../../../main/desktop/tray/tray-model.ts';
import { meeting, signedIn, signedOut } from '../meeting-fixtures.ts';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const labels = (items: TrayItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label));

describe('buildTrayModel', () => {
  const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z'); // 14:00 in Berlin (CET)
  const review = meeting('2', 'Design review', '2026-11-25T08:30:00Z'); // tomorrow 09:30

  it('shows the next meeting with a countdown in the tooltip, and at a glance', () => {
    const model = buildTrayModel(signedIn([standup, review]), at('2026-11-24T12:35:00Z'), BERLIN);
    expect(model.tooltip).toBe('Next: Standup at 14:00 — in 25 min');
    expect(model.glance).toEqual({ topic: 'Standup', start: at('2026-11-24T13:00:00Z') });
    expect(model.at).toBe(at('2026-11-24T12:35:00Z'));
  });

  it('lists today and tomorrow, each meeting clickable to join', () => {
    const model = buildTrayModel(signedIn([review, standup]), at('2026-11-24T12:35:00Z'), BERLIN);
    expect(labels(model.items)).toEqual([
      'Today',
      '14:00  Standup',
      'Tomorrow',
      '09:30  Design review',
      '---',
      'Open Meeting Tray',
      'Refresh',
      'Reminders',
      'Settings…',
      '---',
      'Sign out',
      'Quit',
    ]);
    expect(model.items[1]).toEqual({
      kind: 'action',
      label: '14:00  Standup',
      action: { type: 'join', url: 'https://us05web.zoom.us/j/1' },
      enabled: true,
    });
  });

  it('leaves out meetings after tomorrow and meetings without a fixed time', () => {
    const later = meeting('3', 'Far away', '2026-11-27T09:00:00Z');
    const floating = meeting('4', 'Anytime', null);
    const model = buildTrayModel(signedIn([later, floating]), at('2026-11-24T12:00:00Z'), BERLIN);
    expect(labels(model.items)).toContain('No more meetings today or tomorrow');
    expect(model.tooltip).toBe('Next: Far away on Fri 27 Nov at 10:00 — in 3 days');
    expect(model.glance?.topic).toBe('Far away');
  });

  it('disables a meeting whose join link is not allow-listed', () => {
    const shady = meeting('5', 'Phish', '2026-11-24T13:00:00Z', 30, 'https://zoom.us.evil.com/j/5');
    const model = buildTrayModel(signedIn([shady]), at('2026-11-24T12:00:00Z'), BERLIN);
    const item = model.items.find((i) => i.kind === 'action' && i.label.includes('Phish'));
    expect(item).toMatchObject({ enabled: false, action: { type: 'join', url: '' } });
  });

  it('shows a meeting in progress as "now" for its first minutes, then moves on', () => {
    const next = meeting('6', 'Next one', '2026-11-24T14:00:00Z');
    const early = buildTrayModel(signedIn([standup, next]), at('2026-11-24T13:04:00Z'), BERLIN);
    expect(early.tooltip).toBe('Now: Standup at 14:00 — started 4 min ago');
    expect(early.glance?.topic).toBe('Standup');
    expect(labels(early.items)).toContain('14:00  Standup (now)');
    const later = buildTrayModel(signedIn([standup, next]), at('2026-11-24T13:15:00Z'), BERLIN);
    expect(later.tooltip).toBe('Next: Next one at 15:00 — in 45 min');
    expect(later.glance?.topic).toBe('Next one');
    expect(labels(later.items)).toContain('14:00  Standup (now)');
    const over = buildTrayModel(signedIn([standup, next]), at('2026-11-24T13:31:00Z'), BERLIN);
    expect(labels(over.items)).not.toContain('14:00  Standup (now)');
  });

  it('uses the given time zone for clock times and day boundaries', () => {
    const model = buildTrayModel(
      signedIn([standup]),
      at('2026-11-24T12:35:00Z'),
      'America/New_York',
    );
    expect(model.tooltip).toBe('Next: Standup at 08:00 — in 25 min');
  });

  it('counts across midnight: a meeting at 00:30 local is "tomorrow" at 23:50', () => {
    const late = meeting('7', 'Late sync', '2026-11-24T23:30:00Z'); // 00:30 on the 25th in Berlin
    const model = buildTrayModel(signedIn([late]), at('2026-11-24T22:50:00Z'), BERLIN);
    expect(model.tooltip).toBe('Next: Late sync tomorrow at 00:30 — in 40 min');
    expect(labels(model.items).slice(0, 2)).toEqual(['Tomorrow', '00:30  Late sync']);
  });

  it('stays right across the spring-forward DST change', () => {
    // Berlin skips 02:00–03:00 on 29 March 2026; 01:30 CET → 03:30 CEST is 60 minutes.
    const early = meeting('8', 'Early call', '2026-03-29T01:30:00Z'); // 03:30 CEST
    const model = buildTrayModel(signedIn([early]), at('2026-03-29T00:30:00Z'), BERLIN); // 01:30 CET
    expect(model.tooltip).toBe('Next: Early call at 03:30 — in 1 h');
    expect(labels(model.items)[0]).toBe('Today');
  });

  it('keeps "tomorrow" right on the 25-hour fall-back day', () => {
    // 25 Oct 2026 has 25 hours in Berlin; a meeting at 09:00 on the 26th is still tomorrow at 23:30 on the 25th.
    const monday = meeting('9', 'Monday', '2026-10-26T08:00:00Z');
    const model = buildTrayModel(signedIn([monday]), at('2026-10-25T22:30:00Z'), BERLIN);
    expect(model.tooltip).toBe('Next: Monday tomorrow at 09:00 — in 9 h 30 min');
  });

  it('is a pure function of the time: a clock jump simply gives the model for the new time', () => {
    const state = signedIn([standup]);
    const before = buildTrayModel(state, at('2026-11-24T12:00:00Z'), BERLIN);
    const jumped = buildTrayModel(state, at('2026-11-24T14:00:00Z'), BERLIN);
    const back = buildTrayModel(state, at('2026-11-24T12:00:00Z'), BERLIN);
    expect(before.tooltip).toBe('Next: Standup at 14:00 — in 1 h');
    expect(jumped.tooltip).toBe('Meeting Tray — no upcoming meetings');
    expect(back).toEqual(before);
  });

  it('says when the data is offline or stale', () => {
    const offline = buildTrayModel(
      signedIn([standup], { offline: true, stale: true, updatedAt: at('2026-11-24T11:05:00Z') }),
      at('2026-11-24T12:35:00Z'),
      BERLIN,
    );
    expect(labels(offline.items)[0]).toBe('Offline — showing meetings from 12:05');
    expect(offline.tooltip).toBe(
      'Next: Standup at 14:00 — in 25 min\nOffline — showing meetings from 12:05',
    );
    const stale = buildTrayModel(
      signedIn([standup], { stale: true, updatedAt: at('2026-11-24T11:05:00Z') }),
      at('2026-11-24T12:35:00Z'),
      BERLIN,
    );
    expect(labels(stale.items)[0]).toBe('Not up to date — last updated 12:05');
  });

  it('disables Refresh while a refresh runs', () => {
    const model = buildTrayModel(
      signedIn([], { refreshing: true }),
      at('2026-11-24T12:35:00Z'),
      BERLIN,
    );
    expect(model.items).toContainEqual({
      kind: 'action',
      label: 'Refreshing…',
      action: { type: 'refresh' },
      enabled: false,
    });
  });

  it('offers Sign in when signed out, with the reason', () => {
    const model = buildTrayModel(
      {
        ...signedOut,
        reason: { code: 'session_expired', message: 'Your Zoom session ended. Sign in again.' },
      },
      0,
      BERLIN,
    );
    expect(model.tooltip).toBe('Meeting Tray — signed out');
    expect(labels(model.items)).toEqual([
      'Your Zoom session ended. Sign in again.',
      'Open Meeting Tray',
      'Sign in…',
      'Settings…',
      '---',
      'Quit',
    ]);
  });

  it('has no Sign in while signing in, and says where to finish', () => {
    const model = buildTrayModel(
      { kind: 'signing-in', demo: true, sessionOnly: null, authorizationUrl: null },
      0,
      BERLIN,
    );
    expect(model.tooltip).toBe('Meeting Tray (demo) — signing in');
    expect(labels(model.items)).toEqual([
      'Signing in — finish in your browser',
      '---',
      'Open Meeting Tray',
      'Settings…',
      'Quit',
    ]);
  });

  it('shows errors and offers Sign in', () => {
    const model = buildTrayModel(
      {
        kind: 'error',
        demo: false,
        sessionOnly: null,
        code: 'keychain_unavailable',
        message: 'No keychain.',
      },
      0,
      BERLIN,
    );
    expect(model.tooltip).toBe('Meeting Tray — No keychain.');
    expect(labels(model.items)).toContain('Sign in…');
  });

  it('keeps tooltips within the Windows limit and shortens long topics', () => {
    const long = meeting('10', 'A'.repeat(300), '2026-11-24T13:00:00Z');
    const model = buildTrayModel(
      signedIn([long], { offline: true, updatedAt: at('2026-11-24T11:05:00Z') }),
      at('2026-11-24T12:35:00Z'),
      BERLIN,
    );
    expect(model.tooltip.length).toBeLessThanOrEqual(127);
    const item = model.items.find((i) => i.kind === 'action' && i.action.type === 'join');
    expect(item && item.kind !== 'separator' ? item.label.length : 0).toBeLessThanOrEqual(60);
  });

  it('offers the reminder lead times as a submenu with the current one checked', () => {
    const model = buildTrayModel(signedIn([]), 0, BERLIN, { reminderLead: 10 });
    const menu = model.items.find((i) => i.kind === 'submenu');
    expect(menu).toEqual({
      kind: 'submenu',
      label: 'Reminders',
      items: [
        {
          kind: 'choice',
          label: 'Off',
          action: { type: 'set-reminder-lead', lead: 'off' },
          checked: false,
        },
        {
          kind: 'choice',
          label: 'When it starts',
          action: { type: 'set-reminder-lead', lead: 0 },
          checked: false,
        },
        {
          kind: 'choice',
          label: '1 minute before',
          action: { type: 'set-reminder-lead', lead: 1 },
          checked: false,
        },
        {
          kind: 'choice',
          label: '5 minutes before',
          action: { type: 'set-reminder-lead', lead: 5 },
          checked: false,
        },
        {
          kind: 'choice',
          label: '10 minutes before',
          action: { type: 'set-reminder-lead', lead: 10 },
          checked: true,
        },
        {
          kind: 'choice',
          label: '15 minutes before',
          action: { type: 'set-reminder-lead', lead: 15 },
          checked: false,
        },
      ],
    });
    const byDefault = buildTrayModel(signedIn([]), 0, BERLIN).items.find(
      (i) => i.kind === 'submenu',
    );
    const checked =
      byDefault?.kind === 'submenu'
        ? byDefault.items.flatMap((i) => (i.kind === 'choice' && i.checked ? [i.label] : []))
        : [];
    expect(checked).toEqual(['5 minutes before']);
  });

  it('lists at most 8 meetings a day, then "+N more" that opens the window', () => {
    const today = Array.from({ length: 11 }, (_, i) =>
      meeting(
        `t${i}`,
        `Today ${i}`,
        new Date(at('2026-11-24T13:00:00Z') + i * 300_000).toISOString(),
      ),
    );
    const tomorrow = Array.from({ length: 9 }, (_, i) =>
      meeting(
        `m${i}`,
        `Tomorrow ${i}`,
        new Date(at('2026-11-25T08:00:00Z') + i * 600_000).toISOString(),
      ),
    );
    const model = buildTrayModel(
      signedIn([...tomorrow, ...today]),
      at('2026-11-24T12:35:00Z'),
      BERLIN,
    );
    const shown = labels(model.items);
    expect(shown.slice(0, 11)).toEqual([
      'Today',
      ...today
        .slice(0, 8)
        .map(
          (m, i) =>
            `${String(14 + Math.floor((i * 5) / 60)).padStart(2, '0')}:${String((i * 5) % 60).padStart(2, '0')}  ${m.topic}`,
        ),
      '+3 more',
      'Tomorrow',
    ]);
    expect(shown.slice(11, 20)).toEqual([
      ...tomorrow.slice(0, 8).map((m) => expect.stringContaining(m.topic) as unknown as string),
      '+1 more',
    ]);
    expect(model.items[9]).toEqual({
      kind: 'action',
      label: '+3 more',
      action: { type: 'open-window' },
      enabled: true,
    });
    const exactly = buildTrayModel(signedIn(today.slice(0, 8)), at('2026-11-24T12:35:00Z'), BERLIN);
    expect(labels(exactly.items).some((label) => label.includes('more'))).toBe(false);
  });

  it('counts a running meeting that began yesterday under Today, ahead of what is to come', () => {
    const overnight = meeting('20', 'Overnight', '2026-11-23T22:00:00Z', 16 * 60); // to 15:00
    const model = buildTrayModel(
      signedIn([standup, overnight]),
      at('2026-11-24T12:35:00Z'),
      BERLIN,
    );
    expect(labels(model.items).slice(0, 3)).toEqual([
      'Today',
      '23:00  Overnight (now)',
      '14:00  Standup',
    ]);
  });

  it('says demo mode wherever it shows sample data, with one way to connect a real account', () => {
    const model = buildTrayModel(
      signedIn([standup], { demo: true }),
      at('2026-11-24T12:35:00Z'),
      BERLIN,
    );
    expect(labels(model.items).slice(0, 2)).toEqual([
      'Demo mode — sample meetings',
      'Connect your Zoom account…',
    ]);
    expect(model.items[1]).toMatchObject({ action: { type: 'open-settings' }, enabled: true });
    expect(model.tooltip).toBe('Next: Standup at 14:00 — in 25 min\nDemo mode — sample meetings');

    const signedOutDemo = buildTrayModel({ ...signedOut, demo: true }, 0, BERLIN);
    expect(signedOutDemo.tooltip).toBe('Meeting Tray (demo) — signed out');
    expect(labels(signedOutDemo.items)).toContain('Connect your Zoom account…');

    const real = buildTrayModel(signedIn([standup]), at('2026-11-24T12:35:00Z'), BERLIN);
    expect(labels(real.items)).not.toContain('Connect your Zoom account…');
    expect(real.tooltip).not.toMatch(/demo/i);
  });

  it('has Settings… in every state, opening the window on its Settings screen', () => {
    const states = [
      buildTrayModel(signedIn([]), 0, BERLIN),
      buildTrayModel(signedOut, 0, BERLIN),
      buildTrayModel(
        { kind: 'signing-in', demo: false, sessionOnly: null, authorizationUrl: null },
        0,
        BERLIN,
      ),
      buildTrayModel(
        { kind: 'error', demo: false, sessionOnly: null, code: 'unknown', message: 'x' },
        0,
        BERLIN,
      ),
    ];
    for (const model of states)
      expect(model.items.find((i) => i.kind === 'action' && i.label === 'Settings…')).toEqual({
        kind: 'action',
        label: 'Settings…',
        action: { type: 'open-settings' },
        enabled: true,
      });
  });
});

describe('trayIconFileName', () => {
  it('uses the template image on macOS, ICO on Windows and theme-matched PNG on Linux', async () => {
    const { trayIconFileName } = await import('../../../../main/desktop/tray/tray-icon.ts');
    expect(trayIconFileName('darwin', true)).toBe('trayTemplate.png');
    expect(trayIconFileName('win32', true)).toBe('tray-on-dark.ico');
    expect(trayIconFileName('win32', false)).toBe('tray-on-light.ico');
    expect(trayIconFileName('linux', true)).toBe('tray-on-dark.png');
    expect(trayIconFileName('linux', false)).toBe('tray-on-light.png');
  });
});
