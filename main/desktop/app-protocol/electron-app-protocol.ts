import type { Protocol } from 'electron';
import { APP_SCHEME, appResponseHeaders, resolveAppAsset } from './app-protocol.ts';

/** Must run before `ready`: makes app:// a standard, secure origin (fetch, CSP 'self', storage). */
export function registerAppSchemeAsPrivileged(
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>,
): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer and nothing else. The handler is plain Request → Response, so it is
 * tested under Node with real files, hostile paths included.
 */
export function createAppProtocolHandler(deps: {
  rootDir: string;
  readFile: (path: string) => Promise<Uint8Array>;
}): (request: Request) => Promise<Response> {
  const notFound = () =>
    new Response('Not found', {
      status: 404,
      headers: appResponseHeaders('text/plain; charset=utf-8'),
    });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', {
        status: 405,
        headers: appResponseHeaders('text/plain; charset=utf-8'),
      });
    }
    const asset = resolveAppAsset(deps.rootDir, request.url);
    if (asset.kind === 'not-found') return notFound();
    let body: Uint8Array;
    try {
      body = await deps.readFile(asset.filePath);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: appResponseHeaders(asset.contentType),
    });
  };
}

export function handleAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  handler: (request: Request) => Promise<Response>,
): void {
  protocol.handle(APP_SCHEME, handler);
}
