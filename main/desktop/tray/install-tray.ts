import { join } from 'node:path';
import type { App, Dialog, MenuItemConstructorOptions, NativeImage, NativeTheme } from 'electron';
import type { SignOutResult } from '../../../preload/contract.ts';
import type { AppPaths } from '../lifecycle/app-paths.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.ts';
import { createTrayController, type TrayController, type TrayWidget } from './electron-tray.ts';
import { createTraySignOut } from './electron-tray-sign-out.ts';
import { createTrayActionHandler } from './tray-actions.ts';
import { trayIconFileName } from './tray-icon.ts';

/** What the tray's menu items act on. */
export interface TraySession {
  signIn(): Promise<void>;
  signOut(): Promise<SignOutResult>;
  refresh(): Promise<void>;
}

/**
 * The tray icon and its menu. The icon follows the system theme; menu items act on the session,
 * the window and the reminder setting (sign-out asks first). What it shows is rendered by the
 * shell coordinator. With `exposeLastModel` (MEETING_TRAY_E2E=1), the model it last rendered is
 * readable from main, because Playwright cannot see native trays.
 */
export function installTray<Image extends Pick<NativeImage, 'setTemplateImage'>, TrayMenu>(
  deps: DesktopContext & {
    app: Pick<App, 'quit'>;
    // Image is inferred from nativeImage alone (Electron's Tray would widen it to a path).
    Tray: new (image: NoInfer<Image>) => TrayWidget<NoInfer<Image>, TrayMenu>;
    Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): TrayMenu };
    nativeImage: { createFromPath(path: string): Image };
    nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'> & {
      on(event: 'updated', listener: () => void): unknown;
      off(event: 'updated', listener: () => void): unknown;
    };
    dialog: Pick<Dialog, 'showMessageBox'>;
    paths: Pick<AppPaths, 'assets'>;
    session: TraySession;
    reminders: Pick<ReminderScheduler, 'setLead'>;
    showWindow: () => void;
    /** Shows the window on its Settings screen. */
    openSettings: () => void;
    openJoinLink: (url: string) => Promise<void>;
    exposeLastModel?: boolean;
  },
): TrayController<Image> {
  const image = () => {
    const icon = deps.nativeImage.createFromPath(
      join(
        deps.paths.assets,
        trayIconFileName(deps.platform, deps.nativeTheme.shouldUseDarkColors),
      ),
    );
    if (deps.platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };
  const tray = createTrayController({
    Tray: deps.Tray,
    Menu: deps.Menu,
    image: image(),
    platform: deps.platform,
    onAction: createTrayActionHandler({
      showWindow: deps.showWindow,
      openSettings: deps.openSettings,
      join: deps.openJoinLink,
      signIn: () => deps.session.signIn(),
      signOut: createTraySignOut({ dialog: deps.dialog, signOut: () => deps.session.signOut() }),
      refresh: () => deps.session.refresh(),
      setReminderLead: (lead) => deps.reminders.setLead(lead),
      quit: () => deps.app.quit(),
      logger: deps.logger,
    }),
  });
  const followTheme = () => tray.setIcon(image());
  deps.nativeTheme.on('updated', followTheme);
  if (deps.exposeLastModel)
    Object.assign(globalThis, { __meetingTrayE2E: { trayModel: () => tray.lastModel() } });
  deps.teardown.add(() => {
    deps.nativeTheme.off('updated', followTheme);
    tray.dispose();
  });
  return tray;
}
