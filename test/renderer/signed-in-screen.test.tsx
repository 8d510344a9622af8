import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createDeferred } from '../fakes/fake-bridge.ts';
import {
  fixtureProfile,
  signedIn,
  signedInEmpty,
  signedInOffline,
  signedInProblem,
  signedInRefreshing,
} from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

const groupRows = (label: string) => {
  const heading = screen.getByRole('heading', { level: 3, name: label });
  const list = screen.getByRole('list', { name: label });
  expect(heading.id).toBe(list.getAttribute('aria-labelledby'));
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent);
};

describe('signed-in screen: profile', () => {
  it('shows name, email and initials when there is no picture', async () => {
    await renderApp(signedIn);
    const profile = screen.getByRole('region', { name: 'Ada Lovelace' });
    expect(within(profile).getByText('ada@example.com')).toBeInTheDocument();
    expect(
      within(profile).getByRole('img', { name: 'Profile picture of Ada Lovelace' }),
    ).toHaveTextContent('AL');
  });

  it('shows the picture, and falls back to initials when it fails to load', async () => {
    await renderApp({
      ...signedIn,
      profile: { ...fixtureProfile, avatarUrl: 'https://cdn.example/ada.png' },
    });
    const picture = screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' });
    expect(picture.tagName).toBe('IMG');
    expect(picture).toHaveAttribute('src', 'https://cdn.example/ada.png');
    fireEvent.error(picture);
    const fallback = screen.getByRole('img', { name: 'Profile picture of Ada Lovelace' });
    expect(fallback.tagName).toBe('SPAN');
    expect(fallback).toHaveTextContent('AL');
  });
});

describe('signed-in screen: meetings', () => {
  it('groups meetings by local day with times and lengths (a length never breaks)', async () => {
    await renderApp(signedIn);
    expect(groupRows('Today')).toEqual([
      expect.stringContaining('Team stand-up09:30–09:45 · 15\u00a0min'),
      expect.stringContaining('Design review14:00–14:30 · 30\u00a0min'),
    ]);
    expect(groupRows('Tomorrow')).toEqual([
      expect.stringContaining('1:1 with Grace10:00–10:45 · 45\u00a0min'),
    ]);
    expect(groupRows('Later')).toEqual([
      expect.stringContaining('Fri 27 Nov · 13:00–14:30 · 1\u00a0h 30\u00a0min'),
    ]);
    expect(groupRows('No fixed time')).toEqual([expect.stringContaining('Office hours')]);
  });

  it('shows times in the given zone', async () => {
    await renderApp(signedIn, { timeZone: 'America/New_York' });
    expect(groupRows('Today')).toEqual([
      expect.stringContaining('04:30–04:45'),
      expect.stringContaining('09:00–09:30'),
    ]);
  });

  it('joins a meeting through the bridge', async () => {
    const { bridge, user } = await renderApp(signedIn);
    await user.click(screen.getByRole('button', { name: 'Join Design review' }));
    expect(bridge.callsTo('openJoinUrl')).toEqual([
      ['https://us05web.zoom.us/j/81234567890?pwd=fixture'],
    ]);
  });

  it("copies a meeting's link and says so", async () => {
    const { bridge, user } = await renderApp(signedIn);
    await user.click(screen.getByRole('button', { name: 'Copy link for 1:1 with Grace' }));
    expect(bridge.callsTo('copyText')).toEqual([
      ['https://us05web.zoom.us/j/81234567892?pwd=fixture'],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Link copied: 1:1 with Grace');
  });

  it('has an empty state', async () => {
    await renderApp(signedInEmpty);
    expect(screen.getByTestId('no-meetings')).toHaveTextContent('No upcoming meetings');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});

describe('signed-in screen: refresh', () => {
  it('shows progress while the refresh runs, then enables the button again', async () => {
    const { bridge, user } = await renderApp(signedIn);
    const pending = createDeferred<{ ok: true; value: undefined }>();
    bridge.respond('refreshMeetings', () => pending.promise);

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const busy = screen.getByRole('button', { name: 'Refreshing…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('region', { name: 'Upcoming meetings' })).toHaveAttribute(
      'aria-busy',
      'true',
    );

    await act(async () => pending.resolve({ ok: true, value: undefined }));
    const idle = screen.getByRole('button', { name: 'Refresh' });
    expect(idle).toBeEnabled();
    expect(idle).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByRole('status')).toHaveTextContent('Meetings updated');
    expect(bridge.callsTo('refreshMeetings')).toHaveLength(1);
  });

  it('shows progress when main says a refresh is running', async () => {
    const { bridge } = await renderApp(signedIn);
    act(() => bridge.push(signedInRefreshing));
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toBeDisabled();
    act(() => bridge.push(signedIn));
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  });

  it('shows a failed refresh as an alert', async () => {
    const { bridge, user } = await renderApp(signedIn);
    bridge.respond('refreshMeetings', { ok: false, code: 'offline', message: 'No network.' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      "You're offline. Meeting Tray will update when you're back online.",
    );
    expect(screen.getByRole('status')).not.toHaveTextContent('Meetings updated');
  });
});

describe('signed-in screen: freshness', () => {
  it('shows an offline banner with the local time of the last update', async () => {
    await renderApp(signedInOffline, { timeZone: 'Europe/London' });
    expect(screen.getByTestId('stale-banner')).toHaveTextContent('Offline — updated 08:42');
  });

  it('uses the display zone for the update time', async () => {
    await renderApp(signedInOffline, { timeZone: 'Asia/Kolkata' });
    expect(screen.getByTestId('stale-banner')).toHaveTextContent('Offline — updated 14:12');
  });

  it('shows no banner when the data is fresh', async () => {
    await renderApp(signedIn);
    expect(screen.queryByTestId('stale-banner')).not.toBeInTheDocument();
    expect(screen.queryByTestId('problem')).not.toBeInTheDocument();
  });

  it('shows the problem behind stale data', async () => {
    await renderApp(signedInProblem);
    expect(screen.getByTestId('stale-banner')).toHaveTextContent('Not up to date — updated 08:59');
    const problem = screen.getByTestId('problem');
    expect(problem).toHaveTextContent('Zoom is busy');
    expect(problem).toHaveTextContent('Zoom asked us to slow down; trying again in a minute.');
  });
});
