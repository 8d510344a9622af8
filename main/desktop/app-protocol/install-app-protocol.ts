import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { createAppProtocolHandler, handleAppProtocol } from './electron-app-protocol.ts';

/**
 * Serves the built renderer over app:// (the scheme itself is made privileged before `ready` by
 * `registerAppSchemeAsPrivileged`). Install once ready, before the window loads.
 */
export function installAppProtocol(deps: {
  protocol: Pick<Protocol, 'handle'>;
  rendererDir: string;
}): void {
  handleAppProtocol(
    deps.protocol,
    createAppProtocolHandler({ rootDir: deps.rendererDir, readFile }),
  );
}
