import type { MenuItemConstructorOptions, Tray } from 'electron';
import { trayGlance } from './tray-glance.ts';
import type { TrayAction, TrayItem, TrayModel } from './tray-model.ts';

export interface TrayController {
  render(model: TrayModel): void;
  /** The model the tray shows now (null before the first render). */
  lastModel(): TrayModel | null;
  /** Draws the icon again (the theme changed). */
  refreshIcon(): void;
  dispose(): void;
}

/**
 * The members of Electron's Tray the controller uses. The image and the menu are whatever the
 * caller's nativeImage and Menu make (Electron's own in the app), so the generic parameters tie
 * the menu Menu.buildFromTemplate builds to the one setContextMenu takes.
 */
export interface TrayWidget<Image, TrayMenu> extends Pick<
  Tray,
  'setToolTip' | 'setTitle' | 'destroy'
> {
  on(event: 'click', listener: () => void): unknown;
  setContextMenu(menu: TrayMenu): void;
  setImage(image: Image): void;
}

/** On Windows `&` marks a menu mnemonic; topics are text, so it is doubled to show literally. */
export function menuLabel(label: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? label.replace(/&/gu, '&&') : label;
}

export function menuTemplate(
  items: readonly TrayItem[],
  platform: NodeJS.Platform,
  onAction: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: menuLabel(item.label, platform), enabled: false };
      case 'action':
        return {
          label: menuLabel(item.label, platform),
          enabled: item.enabled,
          click: () => onAction(item.action),
        };
      case 'choice':
        return {
          type: 'radio',
          label: menuLabel(item.label, platform),
          checked: item.checked,
          click: () => onAction(item.action),
        };
      case 'submenu':
        return {
          label: menuLabel(item.label, platform),
          submenu: menuTemplate(item.items, platform, onAction),
        };
    }
  });
}

/** Menu items are small trees of strings, booleans and actions: compared field by field. */
export function sameItems(a: readonly TrayItem[], b: readonly TrayItem[]): boolean {
  return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => sameValue(x, b[i]))
    );
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/**
 * The native tray: icon, tooltip, the glance (macOS title, or the icon with the minutes left)
 * and the context menu as the quick-view. Each minute usually changes only the countdown, so
 * each part is compared with what the tray shows and only what changed is sent: rebuilding the
 * native menu is the expensive part (and on Linux it re-sends the whole menu over D-Bus).
 */
export function createTrayController<Image, TrayMenu>(deps: {
  Tray: new (image: Image) => TrayWidget<Image, TrayMenu>;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): TrayMenu };
  /** The app's icon (null), or one carrying the minutes left to the next meeting. */
  icon: (iconMinutes: number | null) => Image;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
  /** The macOS menu-bar title setting, read on every render so a change shows at once. */
  menuBarTitle?: () => boolean;
}): TrayController {
  const tray = new deps.Tray(deps.icon(null));
  // Windows and Linux users expect a left click to open the app; the menu stays on right click.
  if (deps.platform !== 'darwin') tray.on('click', () => deps.onAction({ type: 'open-window' }));
  const mac = deps.platform === 'darwin';
  let menuShown: readonly TrayItem[] | null = null;
  let tooltipShown: string | null = null;
  let titleShown = '';
  let iconMinutesShown: number | null = null;
  let shown: TrayModel | null = null;
  return {
    render(model) {
      shown = model;
      if (!menuShown || !sameItems(menuShown, model.items)) {
        menuShown = model.items;
        tray.setContextMenu(
          deps.Menu.buildFromTemplate(menuTemplate(model.items, deps.platform, deps.onAction)),
        );
      }
      if (model.tooltip !== tooltipShown) {
        tooltipShown = model.tooltip;
        tray.setToolTip(model.tooltip);
      }
      const glance = trayGlance(deps.platform, model.glance, model.at, {
        menuBarTitle: deps.menuBarTitle?.() ?? true,
      });
      if (mac) {
        const title = glance.title ?? '';
        // Digits of equal width, so the title does not jiggle as the minutes count down.
        if (title !== titleShown)
          tray.setTitle((titleShown = title), { fontType: 'monospacedDigit' });
      } else {
        const minutes = glance.iconMinutes ?? null;
        if (minutes !== iconMinutesShown) tray.setImage(deps.icon((iconMinutesShown = minutes)));
      }
    },
    lastModel: () => shown,
    refreshIcon() {
      tray.setImage(deps.icon(iconMinutesShown));
    },
    dispose() {
      tray.destroy();
    },
  };
}
