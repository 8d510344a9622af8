// The local Fathom: OAuth (authorize + consent, token; no revoke) and the two API endpoints the
// app uses, in the shapes fathom-typescript 0.0.37 validates (fathom-facts §4).
export { startFathomSandbox } from './server.ts';
export {
  FATHOM_DEFAULT_REDIRECT_URIS,
  FATHOM_DEMO_CLIENTS,
  FATHOM_DEMO_PERSON,
} from './clients.ts';
export type {
  FathomSandbox,
  FathomSandboxClients,
  FathomSandboxCounters,
  FathomSandboxEndpoint,
  FathomSandboxFaults,
  FathomSandboxOptions,
  FathomSchemaFault,
} from './types.ts';
