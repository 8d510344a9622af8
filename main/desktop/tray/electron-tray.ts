import type { MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TrayAction, TrayItem, TrayModel } from './tray-model.ts';

export interface TrayController<Image = NativeImage> {
  render(model: TrayModel): void;
  /** The model the tray shows now (null before the first render). */
  lastModel(): TrayModel | null;
  setIcon(image: Image): void;
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

/**
 * The native tray: icon, tooltip, macOS title and the context menu as the quick-view. The menu
 * is rebuilt from the model each time (Linux needs setContextMenu again for any change anyway).
 */
export function createTrayController<Image, TrayMenu>(deps: {
  Tray: new (image: Image) => TrayWidget<Image, TrayMenu>;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): TrayMenu };
  image: Image;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
}): TrayController<Image> {
  const tray = new deps.Tray(deps.image);
  // Windows and Linux users expect a left click to open the app; the menu stays on right click.
  if (deps.platform !== 'darwin') tray.on('click', () => deps.onAction({ type: 'open-window' }));
  let last = '';
  let shown: TrayModel | null = null;
  return {
    render(model) {
      shown = model;
      // The minute tick often produces the same model; skip rebuilding an identical menu.
      const signature = JSON.stringify(model);
      if (signature === last) return;
      last = signature;
      tray.setToolTip(model.tooltip);
      if (deps.platform === 'darwin') tray.setTitle(model.title);
      tray.setContextMenu(
        deps.Menu.buildFromTemplate(menuTemplate(model.items, deps.platform, deps.onAction)),
      );
    },
    lastModel: () => shown,
    setIcon(image) {
      tray.setImage(image);
    },
    dispose() {
      tray.destroy();
    },
  };
}
