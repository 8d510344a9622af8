import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ProfilerOnRenderCallback } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import { App } from '../../renderer/App.tsx';
import { RowRenderProbe } from '../../renderer/components/row-render-probe.ts';
import { createFakeBridge } from '../fakes/fake-bridge.ts';
import {
  FIXTURE_NOW,
  FIXTURE_TIME_ZONE,
  manyMeetings,
  signedIn,
} from '../fakes/session-fixtures.ts';

/**
 * happy-dom lays nothing out, so every element is 0 px tall and the list would think all rows
 * fit. These tests give rows and headings the heights a browser would, and a 720 px window.
 * Scrolling, and focus following it, are checked in Chromium with real layout
 * (test/e2e/web/meeting-list.spec.ts).
 */
const ROW_PX = 54;
const HEADING_PX = 30;
const WINDOW_PX = 720;
const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
const innerHeight = window.innerHeight;

beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.hasAttribute('data-index')) return 0;
      return this.tagName === 'LI' ? ROW_PX : HEADING_PX;
    },
  });
  window.innerHeight = WINDOW_PX;
});

afterEach(() => {
  if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
  window.innerHeight = innerHeight;
});

async function renderList(state: SessionState, probe: ProfilerOnRenderCallback | null = null) {
  const bridge = createFakeBridge(state);
  const view = render(
    <RowRenderProbe.Provider value={probe}>
      <App api={bridge} timeZone={FIXTURE_TIME_ZONE} now={() => FIXTURE_NOW} />
    </RowRenderProbe.Provider>,
  );
  await waitFor(() => expect(view.container.querySelector('li.meeting')).not.toBeNull());
  return { bridge, ...view };
}

const rows = (container: HTMLElement) => [...container.querySelectorAll('li.meeting')];
describe('meeting list: only what is visible', () => {
  const thousand: SessionState = { ...signedIn, meetings: manyMeetings(1000) };

  it('renders the rows in view and a few beyond, not all 1,000', async () => {
    const { container } = await renderList(thousand);
    const shown = rows(container).length;
    expect(shown).toBeGreaterThanOrEqual(Math.floor(WINDOW_PX / ROW_PX));
    expect(shown).toBeLessThanOrEqual(Math.ceil(WINDOW_PX / ROW_PX) + 8);
    // The list is as tall as all of it, so the page scrolls as if every row were there.
    const list = container.querySelector<HTMLElement>('.meeting-list')!;
    expect(parseInt(list.style.height, 10)).toBeGreaterThan(1000 * 50);
  });

  it('keeps list semantics: each group a named list, each row its place in the whole group', async () => {
    const { container } = await renderList(thousand);
    const today = screen.getByRole('list', { name: 'Today' });
    const items = within(today).getAllByRole('listitem');
    const size = Number(items[0]!.getAttribute('aria-setsize'));
    expect(size).toBeGreaterThan(items.length);
    expect(items.map((item) => Number(item.getAttribute('aria-posinset')))).toEqual(
      items.map((_, i) => i + 1),
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Today' })).toBeInTheDocument();
    expect(rows(container).every((row) => row.getAttribute('aria-setsize') === String(size))).toBe(
      true,
    );
  });

  it('Tab goes from the last row in view to the next one', async () => {
    const { container } = await renderList(thousand);
    const user = userEvent.setup();
    const inView = Math.floor(WINDOW_PX / ROW_PX);
    const lastInView = rows(container)[inView - 1]!;
    within(lastInView as HTMLElement)
      .getByRole('button', { name: /^Copy link for / })
      .focus();
    await user.tab();
    const next = document.activeElement!.closest('li')!;
    expect(next).not.toBe(lastInView);
    expect(Number(next.getAttribute('data-index'))).toBeGreaterThan(
      Number(lastInView.getAttribute('data-index')),
    );
    expect(document.activeElement!.getAttribute('aria-label')).toMatch(/^Join /u);
  });
});

describe('meeting list: rows keep their identity across pushes', () => {
  function renderCounter() {
    const rendered: string[] = [];
    const probe: ProfilerOnRenderCallback = (id) => void rendered.push(id);
    return { rendered, probe };
  }

  it('an identical push of 1,000 meetings re-renders no row', async () => {
    const { rendered, probe } = renderCounter();
    const state: SessionState = { ...signedIn, meetings: manyMeetings(1000) };
    const { bridge, container } = await renderList(state, probe);
    const shown = rows(container).length;
    expect(rendered.length).toBeGreaterThanOrEqual(shown);
    rendered.length = 0;
    // What IPC delivers: a copy, equal in every field, with no object in common.
    act(() => bridge.push(structuredClone(state)));
    expect(rendered).toEqual([]);
    expect(rows(container)).toHaveLength(shown);
  });

  it('a push that changes the screen but not the meetings re-renders no row', async () => {
    const { rendered, probe } = renderCounter();
    const state: SessionState = { ...signedIn, meetings: manyMeetings(1000) };
    const { bridge } = await renderList(state, probe);
    rendered.length = 0;
    act(() => bridge.push({ ...structuredClone(state), refreshing: true }));
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toBeDisabled();
    expect(rendered).toEqual([]);
  });

  it('a push that changes one meeting re-renders that row only', async () => {
    const { rendered, probe } = renderCounter();
    const meetings = manyMeetings(1000);
    const { bridge } = await renderList({ ...signedIn, meetings }, probe);
    rendered.length = 0;
    const changed = structuredClone(meetings);
    changed[1] = { ...changed[1]!, topic: 'Renamed' };
    act(() => bridge.push({ ...signedIn, meetings: changed }));
    expect(screen.getByRole('button', { name: 'Join Renamed' })).toBeInTheDocument();
    expect(rendered).toEqual([meetings[1]!.key]);
  });
});
