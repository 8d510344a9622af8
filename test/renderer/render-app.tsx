import { act, render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import userEvent from '@testing-library/user-event';
import type {
  DisplayState,
  FathomState,
  SessionState,
  SettingsView,
} from '../../preload/contract.ts';
import { App } from '../../renderer/App.tsx';
import { createFakeBridge } from '../fakes/fake-bridge.ts';
import { FIXTURE_NOW, FIXTURE_TIME_ZONE } from '../fakes/session-fixtures.ts';

/**
 * Renders the whole window against a fake bridge, pinned to the fixtures' day and zone: main's
 * display push says what "now" is and how to write times, as in the app.
 */
export async function renderApp(
  state: SessionState,
  options: {
    timeZone?: string;
    now?: number;
    settings?: SettingsView;
    display?: Partial<DisplayState>;
    /** Fathom's state as main holds it; never connected by default. */
    fathom?: FathomState;
  } = {},
) {
  const bridge = createFakeBridge(state, {
    ...(options.settings && { settings: options.settings }),
    ...(options.fathom && { fathom: options.fathom }),
    display: {
      now: options.now ?? FIXTURE_NOW,
      timeZone: options.timeZone ?? FIXTURE_TIME_ZONE,
      ...options.display,
    },
  });
  const user = userEvent.setup();
  const view = render(<App api={bridge} />);
  // The first getSession answer replaces the loading screen. A plain selector, because role
  // queries over a 1,000-meeting page are slow.
  await waitFor(() => expect(view.container.querySelector('[data-testid="loading"]')).toBeNull());
  // And main's display has arrived (the card and rows read its minute).
  await waitFor(() => expect(bridge.callsTo('getDisplay')).toHaveLength(1));
  // And Fathom's state (the notes below the meetings).
  await waitFor(() => expect(bridge.callsTo('getFathom')).toHaveLength(1));
  await act(async () => {});
  return { bridge, user, ...view };
}
