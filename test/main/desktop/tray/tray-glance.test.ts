import { describe, expect, it } from 'vitest';
import { shortCountdown, trayGlance } from '../../../../main/desktop/tray/tray-glance.ts';

const now = Date.parse('2026-11-24T12:35:00Z');
const inMinutes = (minutes: number, topic = 'Standup') => ({
  topic,
  start: now + minutes * 60_000,
});

describe('trayGlance', () => {
  it('on macOS puts the next meeting in the menu-bar title within the next day', () => {
    expect(trayGlance('darwin', inMinutes(25), now)).toEqual({ title: 'Standup · 25m' });
    expect(trayGlance('darwin', inMinutes(95), now)).toEqual({ title: 'Standup · 1h 35m' });
    expect(trayGlance('darwin', inMinutes(0), now)).toEqual({ title: 'Standup · now' });
    expect(trayGlance('darwin', inMinutes(-4), now)).toEqual({ title: 'Standup · now' });
    expect(trayGlance('darwin', inMinutes(24 * 60 + 1), now)).toEqual({});
    expect(trayGlance('darwin', null, now)).toEqual({});
  });

  it('on macOS shortens long topics and shows nothing when the title is switched off', () => {
    const long = trayGlance('darwin', inMinutes(5, 'A very long meeting topic indeed'), now);
    expect(long.title).toBe('A very long meeting… · 5m');
    expect(trayGlance('darwin', inMinutes(5), now, { menuBarTitle: false })).toEqual({});
    expect(trayGlance('darwin', inMinutes(5), now, { menuBarTitle: true })).toEqual({
      title: 'Standup · 5m',
    });
  });

  it('on Windows and Linux puts the minutes left in the icon within the next hour', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(trayGlance(platform, inMinutes(25), now)).toEqual({ iconMinutes: 25 });
      expect(trayGlance(platform, inMinutes(60), now)).toEqual({ iconMinutes: 60 });
      expect(trayGlance(platform, inMinutes(61), now)).toEqual({});
      expect(trayGlance(platform, inMinutes(0), now)).toEqual({ iconMinutes: 0 });
      expect(trayGlance(platform, inMinutes(-3), now)).toEqual({ iconMinutes: 0 });
      expect(trayGlance(platform, null, now)).toEqual({});
      // The macOS setting is about the menu bar; it does not hide the icon's minutes.
      expect(trayGlance(platform, inMinutes(5), now, { menuBarTitle: false })).toEqual({
        iconMinutes: 5,
      });
    }
  });

  it('rounds up, so "1" shows until the start and never "0" early', () => {
    expect(trayGlance('linux', { topic: 'x', start: now + 30_000 }, now)).toEqual({
      iconMinutes: 1,
    });
    expect(trayGlance('linux', { topic: 'x', start: now + 60_001 }, now)).toEqual({
      iconMinutes: 2,
    });
    expect(shortCountdown(now, now + 30_000)).toBe('1m');
    expect(shortCountdown(now, now + 120 * 60_000)).toBe('2h');
  });
});
