// Times follow main's locale, zone and clock choice; nothing is forced to en-GB or 24 hours.
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeetingTrayApi } from '../../preload/contract.ts';
import { App } from '../../renderer/App.tsx';
import { displayTimeFormat, provisionalDisplay } from '../../renderer/time/display-time.ts';
import { createFakeBridge } from '../fakes/fake-bridge.ts';
import { FIXTURE_NOW, signedIn } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

const page = { timeZone: 'Asia/Tokyo', locale: 'ja-JP' };
const twoPm = Date.parse('2026-11-24T14:00:00Z');
/** The time line of a row in the list (not the now/next card). */
const whenOf = (topic: string) =>
  [...document.querySelectorAll('li.meeting')]
    .find((row) => row.querySelector('.meeting__topic')?.textContent === topic)
    ?.querySelector('.meeting__when')?.textContent;

describe('displayTimeFormat', () => {
  const base = provisionalDisplay(FIXTURE_NOW);

  it("uses main's zone and locale, else the page's own", () => {
    const mains = displayTimeFormat(
      { ...base, timeZone: 'America/Los_Angeles', locale: 'en-US' },
      page,
    );
    expect([mains.timeZone, mains.locale]).toEqual(['America/Los_Angeles', 'en-US']);
    expect(mains.clock(twoPm)).toMatch(/^6:00\sAM$/u);
    const pages = displayTimeFormat(base, page);
    expect([pages.timeZone, pages.locale]).toEqual(['Asia/Tokyo', 'ja-JP']);
  });

  it("falls back to the Zoom profile's zone when the system reports one Intl cannot use", () => {
    expect(
      displayTimeFormat({ ...base, timeZone: 'Etc/Unknown' }, page, 'Europe/Berlin').timeZone,
    ).toBe('Europe/Berlin');
  });

  it('forces 12 or 24 hours over the locale, and follows a system setting when known', () => {
    const de = { ...base, timeZone: 'UTC', locale: 'de-DE' };
    expect(displayTimeFormat(de, page).clock(twoPm)).toBe('14:00');
    expect(displayTimeFormat({ ...de, clock: '12h' }, page).clock(twoPm)).toMatch(/^2:00\sPM$/u);
    const us = { ...base, timeZone: 'UTC', locale: 'en-US' };
    expect(displayTimeFormat({ ...us, clock: '24h' }, page).clock(twoPm)).toBe('14:00');
    expect(displayTimeFormat({ ...us, systemHourCycle: 'h23' }, page).clock(twoPm)).toBe('14:00');
  });

  it('takes the page locale when main sends one Intl does not know', () => {
    expect(displayTimeFormat({ ...base, locale: '!!' }, page).locale).toBe('ja-JP');
  });
});

describe('the window in a locale', () => {
  it('en-US in Los Angeles: 12-hour times and US day names', async () => {
    await renderApp(signedIn, { display: { timeZone: 'America/Los_Angeles', locale: 'en-US' } });
    expect(whenOf('Design review')).toMatch(/^6:00\sAM–6:30\sAM · 30\u00a0min$/u);
    expect(whenOf('Quarterly planning')).toMatch(/^Fri Nov 27 · 5:00\sAM–6:30\sAM/u);
  });

  it('de-DE in Berlin: 24-hour times and German day names', async () => {
    await renderApp(signedIn, { display: { timeZone: 'Europe/Berlin', locale: 'de-DE' } });
    expect(whenOf('Design review')).toBe('15:00–15:30 · 30\u00a0min');
    expect(whenOf('Quarterly planning')).toMatch(/^Fr\. 27\. Nov\. · 14:00–15:30/u);
  });

  it('a forced 12-hour clock in de-DE', async () => {
    await renderApp(signedIn, {
      display: { timeZone: 'Europe/Berlin', locale: 'de-DE', clock: '12h' },
    });
    expect(whenOf('Design review')).toMatch(/^3:00\sPM–3:30\sPM/u);
  });

  it('follows a pushed change of zone or clock at once (a time-zone change while running)', async () => {
    const { bridge } = await renderApp(signedIn, { display: { timeZone: 'Europe/London' } });
    expect(whenOf('Design review')).toBe('14:00–14:30 · 30\u00a0min');
    act(() => bridge.pushDisplay({ timeZone: 'Asia/Kolkata' }));
    expect(whenOf('Design review')).toBe('19:30–20:00 · 30\u00a0min');
    act(() => bridge.pushDisplay({ clock: '12h' }));
    expect(whenOf('Design review')).toMatch(/^7:30\spm–8:00\spm/u);
  });

  it("shows the Zoom profile's time zone, and says when times are shown in another", async () => {
    await renderApp(signedIn, { display: { timeZone: 'America/New_York', locale: 'en-US' } });
    const zone = screen.getByTestId('profile-zone');
    expect(zone).toHaveTextContent(
      /^Zoom time zone: (Greenwich Mean Time|United Kingdom Time|British Time)/u,
    );
    expect(zone).toHaveTextContent('times here are in Eastern Time');
  });
});

describe('before main answers', () => {
  it("uses the page's own zone and time, and keeps them if the bridge has no display channel", async () => {
    const bridge = createFakeBridge(signedIn);
    const older: MeetingTrayApi = {
      ...bridge,
      getDisplay: () => Promise.reject(new Error('no such channel')),
      onDisplayChanged: () => {
        throw new Error('no such channel');
      },
    };
    const view = render(<App api={older} />);
    await waitFor(() => expect(view.container.querySelector('li.meeting')).not.toBeNull());
    expect(screen.getByRole('heading', { name: 'Upcoming meetings' })).toBeInTheDocument();
  });
});
