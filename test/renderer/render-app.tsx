import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionState } from '../../preload/contract.ts';
import { App } from '../../renderer/App.tsx';
import { createFakeBridge } from '../fakes/fake-bridge.ts';
import { FIXTURE_NOW, FIXTURE_TIME_ZONE } from '../fakes/session-fixtures.ts';

/** Renders the whole window against a fake bridge, pinned to the fixtures' day and zone. */
export async function renderApp(state: SessionState, options: { timeZone?: string; now?: number } = {}) {
  const bridge = createFakeBridge(state);
  const user = userEvent.setup();
  const view = render(
    <App api={bridge} timeZone={options.timeZone ?? FIXTURE_TIME_ZONE} now={() => options.now ?? FIXTURE_NOW} />,
  );
  // The first getSession answer replaces the loading screen.
  await screen.findAllByRole('heading', { level: 2 });
  return { bridge, user, ...view };
}
