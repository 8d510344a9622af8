// `npm run sandbox`: a local Zoom for trying the app by hand and for scripts/sandbox-curl-flow.sh;
// `npm run sandbox -- --provider fathom`: the local Fathom instead.
import { CLI_USAGE, parseSandboxArgs, splitProvider } from './cli-args.ts';
import { runFathomSandboxCli } from './fathom/cli.ts';
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

async function runZoomSandboxCli(argv: string[]): Promise<void> {
  const options = parseOrExit(argv);
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
}

function providerOrExit(argv: string[]): ReturnType<typeof splitProvider> {
  try {
    return splitProvider(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

const { provider, rest } = providerOrExit(process.argv.slice(2));
if (provider === 'fathom') await runFathomSandboxCli(rest);
else await runZoomSandboxCli(rest);
