// The core as the Electron app builds it: the configuration built into the package (beside the
// main bundle), the app's data folder, Zoom calls over Chromium's network stack, and sign-in
// callbacks that arrive as meetingtray:// links. The browser harness builds its own in cli.ts.
import { builtInConfigPath, readBuiltInConfig } from '../../app/built-in-config-file.ts';
import { createAppCore, type AppCore, type AppCoreHost } from '../../app/create-app-core.ts';
import type { DeepLinkInbox } from '../deep-links/deep-link-inbox.ts';
import { deliverSignInCallbacks } from '../deep-links/install-deep-links.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { installNetwork } from '../network/install-network.ts';

/** Call once ready (Electron's sessions and paths exist only then). */
export async function installAppCore(
  deps: DesktopContext &
    Pick<AppCoreHost, 'env' | 'settings' | 'openBrowser' | 'wake' | 'preferencesHost'> & {
      app: { getPath(name: 'userData'): string };
      session: Parameters<typeof installNetwork>[0]['session'];
      /** The main bundle's own folder (dist/main): the package puts app-config.json there. */
      bundleDir: string;
      inbox: DeepLinkInbox;
    },
): Promise<AppCore> {
  const core = await createAppCore({
    clock: deps.clock,
    logger: deps.logger,
    teardown: deps.teardown,
    env: deps.env,
    builtIn: readBuiltInConfig(builtInConfigPath(deps.bundleDir)),
    settings: deps.settings,
    openBrowser: deps.openBrowser,
    wake: deps.wake,
    preferencesHost: deps.preferencesHost,
    // The demo sandbox keeps its grants in the app's data folder, beside the settings.
    dataDir: deps.app.getPath('userData'),
    // Zoom calls go over Chromium's network stack: the system proxy and certificate store.
    fetch: installNetwork({ session: deps.session }),
  });
  deliverSignInCallbacks(deps.inbox, core.auth, deps.logger);
  return core;
}
