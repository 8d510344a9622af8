// Pushes every SessionState change to the renderer(s), through the toRendererState gate.
import { Channel, type SessionState } from '../../preload/contract.ts';
import type { SessionService } from '../core/session/session-service.ts';
import { toRendererState } from './renderer-state.ts';

export type StateSender = (channel: typeof Channel.sessionChanged, state: SessionState) => void;

/** Returns a stop function. `send` is e.g. webContents.send, or the harness's SSE writer. */
export function createStatePublisher({
  session,
  send,
}: {
  session: Pick<SessionService, 'subscribe'>;
  send: StateSender;
}): () => void {
  return session.subscribe((state) => send(Channel.sessionChanged, toRendererState(state)));
}
