// The window's now/next card and the minute it runs on: main's display push is the only clock.
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import { findNowAndNext, isInProgress } from '../../renderer/time/now-next.ts';
import { fixtureMeeting, FIXTURE_NOW, signedIn } from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

// 09:00 UTC (London, winter): stand-up 08:50–09:35 is on, review at 09:25 is next.
const standup = fixtureMeeting({
  id: '81000000001',
  topic: 'Weekly stand-up',
  startTime: '2026-11-24T08:50:00Z',
  durationMinutes: 45,
});
const review = fixtureMeeting({
  id: '81000000002',
  topic: 'Design review: onboarding flow',
  startTime: '2026-11-24T09:25:00Z',
  durationMinutes: 50,
});
const later = fixtureMeeting({
  id: '81000000003',
  topic: 'Budget',
  startTime: '2026-11-26T10:00:00Z',
});
const session: SessionState = { ...signedIn, meetings: [later, review, standup] };

const card = () => screen.getByTestId('now-next');
const when = (which: 'now' | 'next') =>
  screen.getByTestId(`now-next-${which}`).querySelector('.now-next__when')?.textContent;
const countdown = (which: 'now' | 'next') =>
  within(screen.getByTestId(`now-next-${which}`)).getByTestId('countdown').textContent;

afterEach(() => {
  vi.useRealTimers();
});

describe('findNowAndNext', () => {
  it('finds the meeting in progress and the next one in one pass, in any order', () => {
    const { current, next } = findNowAndNext([later, review, standup], FIXTURE_NOW);
    expect(current?.meeting.topic).toBe('Weekly stand-up');
    expect(next?.meeting.topic).toBe('Design review: onboarding flow');
  });

  it('of overlapping meetings, the one that started last is "now"; ended ones are neither', () => {
    const early = fixtureMeeting({
      id: '81000000004',
      topic: 'All-morning workshop',
      startTime: '2026-11-24T07:00:00Z',
      durationMinutes: 240,
    });
    const ended = fixtureMeeting({
      id: '81000000005',
      topic: 'Done',
      startTime: '2026-11-24T07:00:00Z',
    });
    const { current } = findNowAndNext([early, standup, ended], FIXTURE_NOW);
    expect(current?.meeting.topic).toBe('Weekly stand-up');
    expect(isInProgress(ended, FIXTURE_NOW)).toBe(false);
    expect(isInProgress(early, FIXTURE_NOW)).toBe(true);
  });

  it('has nothing to say without times', () => {
    const undated = fixtureMeeting({ id: '81000000006', topic: 'Office hours', startTime: null });
    expect(findNowAndNext([undated], FIXTURE_NOW)).toEqual({ current: null, next: null });
  });
});

describe('the now/next card', () => {
  it('shows the meeting in progress and the next one with their countdowns', async () => {
    await renderApp(session);
    expect(within(card()).getByText('Weekly stand-up')).toBeInTheDocument();
    expect(countdown('now')).toBe('started 10\u00a0min ago · ends in\u00a035\u00a0min');
    expect(countdown('next')).toBe('in\u00a025\u00a0min');
    expect(within(card()).getByText('Design review: onboarding flow')).toHaveAttribute(
      'title',
      'Design review: onboarding flow',
    );
    expect(when('next')).toBe('09:25–10:15 · 50\u00a0min');
  });

  it('moves only when main pushes its minute, never on its own', async () => {
    const { bridge } = await renderApp(session);
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date', 'requestAnimationFrame'] });
    // Ten minutes pass in the page with no push: the card has no timer of its own.
    await act(async () => vi.advanceTimersByTime(10 * MINUTE));
    expect(countdown('next')).toBe('in\u00a025\u00a0min');

    act(() => bridge.pushDisplay({ now: FIXTURE_NOW + MINUTE }));
    expect(countdown('next')).toBe('in\u00a024\u00a0min');
    expect(countdown('now')).toBe('started 11\u00a0min ago · ends in\u00a034\u00a0min');

    // 09:35: the stand-up has ended, the review is next; 09:25 → it is on.
    act(() => bridge.pushDisplay({ now: at('2026-11-24T09:26:00Z') }));
    expect(countdown('now')).toBe('started 1\u00a0min ago · ends in\u00a049\u00a0min');
    expect(
      within(screen.getByTestId('now-next-now')).getByText('Design review: onboarding flow'),
    ).toBeInTheDocument();
    expect(countdown('next')).toBe('in\u00a02\u00a0days');
  });

  it('marks the rows in progress, on the minute, with the full topic on hover', async () => {
    const { bridge } = await renderApp(session);
    const row = (topic: string) =>
      [...document.querySelectorAll('li.meeting')].find(
        (li) => li.querySelector('.meeting__topic')?.textContent === topic,
      );
    expect(row('Weekly stand-up')).toHaveClass('meeting--now');
    expect(within(row('Weekly stand-up') as HTMLElement).getByText('Now')).toHaveClass('badge');
    expect(row('Design review: onboarding flow')).not.toHaveClass('meeting--now');
    expect(row('Design review: onboarding flow')?.querySelector('.meeting__topic')).toHaveAttribute(
      'title',
      'Design review: onboarding flow',
    );
    act(() => bridge.pushDisplay({ now: at('2026-11-24T09:40:00Z') }));
    expect(row('Weekly stand-up')).not.toHaveClass('meeting--now');
    expect(row('Design review: onboarding flow')).toHaveClass('meeting--now');
  });

  it('joins from the card', async () => {
    const { bridge, user } = await renderApp(session);
    await user.click(
      within(screen.getByTestId('now-next-now')).getByRole('button', {
        name: 'Join Weekly stand-up',
      }),
    );
    expect(bridge.callsTo('openJoinUrl')).toEqual([[standup.joinUrl]]);
  });

  it('is not shown when nothing is on or ahead', async () => {
    await renderApp({ ...signedIn, meetings: [] });
    expect(screen.queryByTestId('now-next')).not.toBeInTheDocument();
  });

  it('says the day when the next meeting is not today', async () => {
    await renderApp({ ...signedIn, meetings: [later] });
    expect(countdown('next')).toBe('in\u00a02\u00a0days');
    expect(when('next')).toBe('Thu 26 Nov · 10:00–10:30 · 30\u00a0min');
  });
});
