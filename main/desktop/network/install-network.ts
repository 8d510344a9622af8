// The network the Zoom calls use in the app: a session of their own (no page shares it), so
// its proxy answers and connection pool serve only Zoom. The browser harness keeps Node's fetch.
import type { Fetch } from '../../core/ports.ts';
import { createElectronFetch, type FetchingSession } from './electron-fetch.ts';

/** A persistent partition, as desktop-facts §5 recommends; it never holds cookies (see electron-fetch.ts). */
export const ZOOM_API_PARTITION = 'persist:zoom-api';

/** Call once Electron is ready (sessions do not exist before). */
export function installNetwork(deps: {
  session: { fromPartition(partition: string): FetchingSession };
}): Fetch {
  return createElectronFetch(deps.session.fromPartition(ZOOM_API_PARTITION));
}
