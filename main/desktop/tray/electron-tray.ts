import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { TrayAction, TrayItem, TrayModel } from './tray-model.ts';

export interface TrayController {
  render(model: TrayModel): void;
  setIcon(image: NativeImage): void;
  dispose(): void;
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
export function createTrayController(deps: {
  Tray: typeof Tray;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  image: NativeImage;
  platform: NodeJS.Platform;
  onAction: (action: TrayAction) => void;
}): TrayController {
  const tray = new deps.Tray(deps.image);
  // Windows and Linux users expect a left click to open the app; the menu stays on right click.
  if (deps.platform !== 'darwin') tray.on('click', () => deps.onAction({ type: 'open-window' }));
  let last = '';
  return {
    render(model) {
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
    setIcon(image) {
      tray.setImage(image);
    },
    dispose() {
      tray.destroy();
    },
  };
}
