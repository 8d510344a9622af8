// The local Zoom: OAuth (authorize + consent, token, revoke) and the two REST endpoints the app uses.
export { startZoomSandbox } from './server.ts';
export { DEMO_CLIENTS } from './clients.ts';
export type {
  SandboxClients,
  SandboxCounters,
  SandboxFaults,
  ZoomSandbox,
  ZoomSandboxOptions,
} from './types.ts';
