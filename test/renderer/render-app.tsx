import { render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import userEvent from '@testing-library/user-event';
import type { SessionState, SettingsView } from '../../preload/contract.ts';
import { App } from '../../renderer/App.tsx';
import { createFakeBridge } from '../fakes/fake-bridge.ts';
import { FIXTURE_NOW, FIXTURE_TIME_ZONE } from '../fakes/session-fixtures.ts';

/** Renders the whole window against a fake bridge, pinned to the fixtures' day and zone. */
export async function renderApp(
  state: SessionState,
  options: { timeZone?: string; now?: number; settings?: SettingsView } = {},
) {
  const bridge = createFakeBridge(state, options.settings);
  const user = userEvent.setup();
  const view = render(
    <App
      api={bridge}
      timeZone={options.timeZone ?? FIXTURE_TIME_ZONE}
      now={() => options.now ?? FIXTURE_NOW}
    />,
  );
  // The first getSession answer replaces the loading screen. A plain selector, because role
  // queries over a 1,000-meeting page are slow.
  await waitFor(() => expect(view.container.querySelector('[data-testid="loading"]')).toBeNull());
  return { bridge, user, ...view };
}
