import { join } from 'node:path';
import type { App, Dialog, MenuItemConstructorOptions, NativeImage, NativeTheme } from 'electron';
import type { SignOutResult } from '../../../preload/contract.ts';
import type { SettingsStore } from '../../core/ports.ts';
import type { AppPaths } from '../lifecycle/app-paths.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.ts';
import { createTrayController, type TrayController, type TrayWidget } from './electron-tray.ts';
import { createTraySignOut } from './electron-tray-sign-out.ts';
import { createTrayActionHandler } from './tray-actions.ts';
import { glanceIconRepresentations, trayIconFileName } from './tray-icon.ts';
import { ShellSetting } from '../settings/settings-keys.ts';

/** What the tray's menu items act on. */
export interface TraySession {
  signIn(): Promise<void>;
  signOut(): Promise<SignOutResult>;
  refresh(): Promise<void>;
}

/**
 * The tray icon and its menu. The icon follows the system theme, and off macOS carries the
 * minutes left to the next meeting within the hour; on macOS the menu-bar title does that unless
 * the setting turns it off. Menu items act on the session, the window and the reminder setting
 * (sign-out asks first). What it shows is rendered by the shell coordinator. With `exposeLastModel` (MEETING_TRAY_E2E=1), the model it last rendered is
 * readable from main, because Playwright cannot see native trays.
 */
export function installTray<
  Image extends Pick<NativeImage, 'setTemplateImage' | 'addRepresentation'>,
  TrayMenu,
>(
  deps: DesktopContext & {
    app: Pick<App, 'quit'>;
    // Image is inferred from nativeImage alone (Electron's Tray would widen it to a path).
    Tray: new (image: NoInfer<Image>) => TrayWidget<NoInfer<Image>, TrayMenu>;
    Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): TrayMenu };
    nativeImage: {
      createFromPath(path: string): Image;
      createFromBuffer(buffer: Buffer, options: { scaleFactor: number }): Image;
    };
    nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'> & {
      on(event: 'updated', listener: () => void): unknown;
      off(event: 'updated', listener: () => void): unknown;
    };
    dialog: Pick<Dialog, 'showMessageBox'>;
    paths: Pick<AppPaths, 'assets'>;
    settings: Pick<SettingsStore, 'get'>;
    session: TraySession;
    reminders: Pick<ReminderScheduler, 'setLead'>;
    showWindow: () => void;
    /** Shows the window on its Settings screen. */
    openSettings: () => void;
    openJoinLink: (url: string) => Promise<void>;
    exposeLastModel?: boolean;
  },
): TrayController {
  const dark = () => deps.nativeTheme.shouldUseDarkColors;
  const fileIcon = () => {
    const icon = deps.nativeImage.createFromPath(
      join(deps.paths.assets, trayIconFileName(deps.platform, dark())),
    );
    if (deps.platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };
  const minutesIcon = (minutes: number) => {
    const [first, ...more] = glanceIconRepresentations(deps.platform, minutes, dark());
    const icon = deps.nativeImage.createFromBuffer(first!.png, { scaleFactor: first!.scaleFactor });
    for (const { png, scaleFactor } of more) icon.addRepresentation({ scaleFactor, buffer: png });
    return icon;
  };
  const tray = createTrayController({
    Tray: deps.Tray,
    Menu: deps.Menu,
    icon: (minutes) => (minutes === null ? fileIcon() : minutesIcon(minutes)),
    platform: deps.platform,
    menuBarTitle: () => deps.settings.get<boolean>(ShellSetting.menuBarTitle) !== false,
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
  const followTheme = () => tray.refreshIcon();
  deps.nativeTheme.on('updated', followTheme);
  if (deps.exposeLastModel)
    Object.assign(globalThis, { __meetingTrayE2E: { trayModel: () => tray.lastModel() } });
  deps.teardown.add(() => {
    deps.nativeTheme.off('updated', followTheme);
    tray.dispose();
  });
  return tray;
}
