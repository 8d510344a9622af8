// `npm run sandbox`: a local Zoom for trying the app by hand and for scripts/sandbox-curl-flow.sh.
import { CLI_USAGE, parseSandboxArgs } from './cli-args.ts';
import { startZoomSandbox } from './server.ts';
import type { ZoomSandboxOptions } from './types.ts';

function parseOrExit(argv: string[]): ZoomSandboxOptions {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(CLI_USAGE);
    process.exit(0);
  }
  try {
    return parseSandboxArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

const options = parseOrExit(process.argv.slice(2));
const sandbox = await startZoomSandbox(options);
// Before the "listening" line: whoever reads it may stop us at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
console.log(`Zoom sandbox listening on ${sandbox.url}`);
console.log(
  `Confidential client: client_id=${sandbox.clients.confidential.clientId} client_secret=${sandbox.clients.confidential.clientSecret}`,
);
console.log(`Public client (PKCE, no secret): client_id=${sandbox.clients.public.clientId}`);
console.log(
  `API base: ${sandbox.apiBaseUrl}   Metadata: ${sandbox.url}/.well-known/oauth-authorization-server`,
);
