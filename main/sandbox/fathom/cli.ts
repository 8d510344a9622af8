// `npm run sandbox -- --provider fathom`: the local Fathom on its own, printing what an app
// needs to talk to it (URLs, OAuth client, API key).
import { FATHOM_DEFAULT_REDIRECT_URIS } from './clients.ts';
import { FATHOM_CLI_USAGE, parseFathomSandboxArgs } from './cli-args.ts';
import { startFathomSandbox } from './server.ts';
import type { FathomSandboxOptions } from './types.ts';

function parseOrExit(argv: readonly string[]): FathomSandboxOptions {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(FATHOM_CLI_USAGE);
    process.exit(0);
  }
  try {
    return parseFathomSandboxArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}

export async function runFathomSandboxCli(argv: readonly string[]): Promise<void> {
  const options = parseOrExit(argv);
  const sandbox = await startFathomSandbox(options);
  // Before the "listening" line: whoever reads it may stop us at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void sandbox.close().then(() => process.exit(0));
    });
  }
  const redirects = options.redirectUris ?? FATHOM_DEFAULT_REDIRECT_URIS;
  console.log(`Fathom sandbox listening on ${sandbox.url}`);
  console.log(
    `OAuth client: client_id=${sandbox.clients.oauth.clientId} client_secret=${sandbox.clients.oauth.clientSecret}`,
  );
  console.log(`API key (X-Api-Key): ${sandbox.clients.apiKey}`);
  console.log(
    `Authorize: ${sandbox.url}/external/v1/oauth2/authorize   Token: ${sandbox.url}/external/v1/oauth2/token`,
  );
  console.log(`API base: ${sandbox.apiBaseUrl}`);
  console.log(`Redirect URIs (${options.redirectMatch ?? 'exact'} match): ${redirects.join(' ')}`);
}
