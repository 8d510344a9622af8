import { describe, expect, it } from 'vitest';
import type { FathomNote, FathomState, SessionState } from '../../../../preload/contract.ts';
import { createShellCoordinator } from '../../../../main/desktop/coordinator/shell-coordinator.ts';
import { createReminderScheduler } from '../../../../main/desktop/reminders/reminder-scheduler.ts';
import {
  notesReadyItems,
  readyNotes,
  withNotesReady,
} from '../../../../main/desktop/tray/notes-ready.ts';
import { buildTrayModel, type TrayModel } from '../../../../main/desktop/tray/tray-model.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting, signedIn, signedOut } from '../meeting-fixtures.ts';

const NOW = Date.parse('2026-11-24T12:30:00Z');
const HOUR = 3600_000;

function note(id: number, title: string, endedHoursAgo: number | null): FathomNote {
  const ended = endedHoursAgo === null ? null : new Date(NOW - endedHoursAgo * HOUR).toISOString();
  return {
    recordingId: id,
    title,
    startedAt: new Date(NOW - ((endedHoursAgo ?? 0) + 0.5) * HOUR).toISOString(),
    endedAt: ended,
    durationMinutes: 30,
    shareUrl: `https://fathom.video/share/${id}`,
    recordedBy: { name: 'Ada', email: 'ada@example.com' },
    actionItems: [],
  };
}

function connected(notes: FathomNote[]): FathomState {
  return {
    kind: 'connected',
    mode: 'oauth',
    notes,
    updatedAt: NOW,
    stale: false,
    offline: false,
    refreshing: false,
    problem: null,
    waitUntil: null,
    incomplete: false,
    summaries: {},
  };
}

const labels = (items: readonly { kind: string; label?: string }[]) =>
  items.map((item) => ('label' in item ? item.label : `[${item.kind}]`));

describe('Notes ready', () => {
  it('lists notes whose meeting ended in the last 3 hours, latest first, opening the window', () => {
    const state = connected([
      note(1, 'Design review', 0.5),
      note(2, 'Standup', 2.9),
      note(3, 'Old retro', 3),
      note(4, 'Still going', null),
      note(5, 'Ends later', -0.5),
      note(6, 'Planning', 0.1),
    ]);
    expect(readyNotes(state, NOW).map((n) => n.recordingId)).toEqual([6, 1, 2]);
    const items = notesReadyItems(state, NOW);
    expect(labels(items)).toEqual([
      'Notes ready: Planning',
      'Notes ready: Design review',
      'Notes ready: Standup',
    ]);
    for (const item of items)
      expect(item).toMatchObject({
        kind: 'action',
        action: { type: 'open-window' },
        enabled: true,
      });
  });

  it('shows at most 3, then "+N more"; long titles are cut', () => {
    const long = 'A very long meeting title that goes on and on past the menu width';
    const state = connected([1, 2, 3, 4, 5].map((i) => note(i, i === 1 ? long : `M${i}`, i / 10)));
    const items = labels(notesReadyItems(state, NOW));
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/^Notes ready: A very long meeting title.*…$/);
    expect(items[0]!.length).toBeLessThanOrEqual('Notes ready: '.length + 48);
    expect(items[3]).toBe('+2 more');
  });

  it('adds nothing unless Fathom is connected with ready notes', () => {
    const model = buildTrayModel(signedOut, NOW);
    expect(
      withNotesReady(model, { kind: 'not-connected', reason: null, removeAppHint: false }, NOW),
    ).toBe(model);
    expect(withNotesReady(model, connected([note(1, 'Old', 5)]), NOW)).toBe(model);
  });

  it('goes after the meetings, before the window and app items, set off by separators', () => {
    const zoom: SessionState = signedIn([meeting('1', 'Standup', '2026-11-24T13:00:00Z')]);
    const model = buildTrayModel(zoom, NOW, 'Europe/Berlin');
    const next = withNotesReady(model, connected([note(7, 'Design review', 1)]), NOW);
    const items = labels(next.items);
    const at = items.indexOf('Notes ready: Design review');
    expect(items[at - 1]).toBe('[separator]');
    expect(items[at + 1]).toBe('[separator]');
    expect(items[at + 2]).toBe(labels(model.items)[labels(model.items).indexOf('[separator]') + 1]);
    expect(items.slice(0, at - 1)).toEqual(labels(model.items).slice(0, at - 1));
    expect(next.tooltip).toBe(model.tooltip);
  });

  it('the shell re-renders the tray when Fathom changes, and as the 3 hours run out', async () => {
    const clock = createFakeClock(NOW);
    let fathom = connected([]);
    const listeners = new Set<(s: FathomState) => void>();
    const trays: TrayModel[] = [];
    const coordinator = createShellCoordinator({
      clock,
      session: { getState: () => signedOut, subscribe: () => () => undefined },
      wake: { onWake: () => () => undefined, watchForOnline: () => undefined },
      renderTray: (model) => trays.push(model),
      reminders: createReminderScheduler({
        clock,
        settings: createMemorySettingsStore(),
        notify: () => undefined,
      }),
      timeZone: () => 'Europe/Berlin',
      fathom: {
        getState: () => fathom,
        subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
      },
    });
    coordinator.start();
    expect(labels(trays.at(-1)!.items).some((l) => l?.startsWith('Notes ready'))).toBe(false);
    fathom = connected([note(8, 'Retro', 2.95)]);
    for (const l of listeners) l(fathom);
    expect(labels(trays.at(-1)!.items)).toContain('Notes ready: Retro');
    await clock.advance(5 * 60_000);
    expect(labels(trays.at(-1)!.items)).not.toContain('Notes ready: Retro');
    coordinator.stop();
    expect(listeners.size).toBe(0);
  });
});
