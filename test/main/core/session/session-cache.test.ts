import { describe, expect, it } from 'vitest';
import {
  createSessionCache,
  SESSION_CACHE_KEY,
} from '../../../../main/core/session/session-cache.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { ada as profile, meeting } from './session-fakes.ts';

describe('session cache', () => {
  it('gives a cache written before startMs existed its startMs, read from startTime', () => {
    const { startMs: _dropped, ...older } = meeting('1', '2026-12-01T09:30:00Z');
    const settings = createMemorySettingsStore({
      [SESSION_CACHE_KEY]: { userId: profile.id, profile, meetings: [older], updatedAt: 1 },
    });

    const read = createSessionCache(settings).read();

    expect(read?.meetings[0]).toEqual({ ...older, startMs: Date.parse('2026-12-01T09:30:00Z') });
  });

  it('never lets a hand-edited startMs disagree with startTime', () => {
    const edited = { ...meeting('1', '2026-12-01T09:30:00Z'), startMs: 0 };
    const untimed = { ...meeting('2', null), startMs: 5 };
    const settings = createMemorySettingsStore({
      [SESSION_CACHE_KEY]: {
        userId: profile.id,
        profile,
        meetings: [edited, untimed],
        updatedAt: 1,
      },
    });

    const [first, second] = createSessionCache(settings).read()!.meetings;

    expect(first?.startMs).toBe(Date.parse('2026-12-01T09:30:00Z'));
    expect(second?.startMs).toBeNull();
  });
});
