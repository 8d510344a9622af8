import { describe, expect, it } from 'vitest';
import { installSingleInstance } from '../../../../main/desktop/single-instance/install-single-instance.ts';
import { createDeepLinkInbox } from '../../../../main/desktop/deep-links/deep-link-inbox.ts';
import { meetingToJoin } from '../../../../main/desktop/shortcut/join-next.ts';
import {
  createJoinNextInbox,
  wantsJoinNext,
} from '../../../../main/desktop/shortcut/join-next-argv.ts';
import { createFakeElectron, fakeEvent } from '../../../fakes/fake-electron.ts';
import { meeting } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

const NOW = Date.parse('2026-11-30T09:00:00Z');

describe('meetingToJoin', () => {
  it('joins the meeting in progress before the next one', () => {
    const meetings = [
      meeting('2', 'Next', '2026-11-30T09:30:00Z'),
      meeting('1', 'Running', '2026-11-30T08:45:00Z', 30),
    ];
    expect(meetingToJoin(meetings, NOW)).toBe('https://us05web.zoom.us/j/1');
  });

  it('of two running meetings, the one that started last; with none running, the next', () => {
    const running = [
      meeting('1', 'Long', '2026-11-30T08:00:00Z', 120),
      meeting('2', 'Short', '2026-11-30T08:55:00Z', 30),
    ];
    expect(meetingToJoin(running, NOW)).toBe('https://us05web.zoom.us/j/2');
    const later = [
      meeting('3', 'Afternoon', '2026-11-30T14:00:00Z'),
      meeting('4', 'Ended', '2026-11-30T08:00:00Z', 30),
      meeting('5', 'Soon', '2026-11-30T09:10:00Z'),
    ];
    expect(meetingToJoin(later, NOW)).toBe('https://us05web.zoom.us/j/5');
  });

  it('skips links the allow-list refuses and meetings without a time; nothing left is null', () => {
    const meetings = [
      meeting('6', 'Phish', '2026-11-30T09:05:00Z', 30, 'https://zoom.us.evil.example/j/6'),
      meeting('7', 'No time', null),
    ];
    expect(meetingToJoin(meetings, NOW)).toBeNull();
  });
});

describe('meeting-tray --join-next', () => {
  it('is recognised only as the whole switch', () => {
    expect(wantsJoinNext(['/opt/Meeting Tray/meeting-tray', '--join-next'])).toBe(true);
    expect(wantsJoinNext(['/opt/Meeting Tray/meeting-tray', '--join-next=1'])).toBe(false);
    expect(wantsJoinNext(['/opt/Meeting Tray/meeting-tray'])).toBe(false);
  });

  it('a second launch with it joins in the first copy instead of showing the window', () => {
    const { app } = createFakeElectron();
    const joinNext = createJoinNextInbox();
    const joins: string[] = [];
    joinNext.open(() => void joins.push('join'));
    let shown = 0;
    installSingleInstance({
      app,
      logger: createRecordingLogger(),
      showWindow: () => void (shown += 1),
      deepLinks: createDeepLinkInbox(),
      joinNext,
    });
    app.finishLaunching();
    app.emit('second-instance', fakeEvent(), ['meeting-tray', '--join-next'], '/', {});
    expect(joins).toEqual(['join']);
    expect(shown).toBe(0);
    app.emit('second-instance', fakeEvent(), ['meeting-tray'], '/', {});
    expect(shown).toBe(1);
    expect(joins).toEqual(['join']);
  });
});
