import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import type { TrayWidget } from '../../../main/desktop/tray/electron-tray.ts';

export class FakeImage implements Pick<NativeImage, 'setTemplateImage' | 'isTemplateImage'> {
  readonly path: string;
  private template = false;
  constructor(path: string) {
    this.path = path;
  }
  setTemplateImage(option: boolean) {
    this.template = option;
  }
  isTemplateImage() {
    return this.template;
  }
}

/** What Menu.buildFromTemplate made: the template, kept for tests to read and click. */
export class FakeMenu {
  readonly template: readonly MenuItemConstructorOptions[];
  constructor(template: readonly MenuItemConstructorOptions[]) {
    this.template = template;
  }
}

export const fakeMenuModule = {
  buildFromTemplate: (template: MenuItemConstructorOptions[]) => new FakeMenu(template),
};

export const fakeNativeImage = {
  createFromPath: (path: string) => new FakeImage(path),
};

/** The tray controller's slice of Tray (a Pick of Electron's own type), over the fake menu. */
export class FakeTray extends EventEmitter implements TrayWidget<FakeImage, FakeMenu | null> {
  image: FakeImage;
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  menuBuilds = 0;
  destroyed = false;
  constructor(image: FakeImage) {
    super();
    this.image = image;
  }
  setToolTip(toolTip: string) {
    this.tooltip = toolTip;
  }
  setTitle(title: string) {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null) {
    this.menu = menu;
    this.menuBuilds += 1;
  }
  setImage(image: FakeImage) {
    this.image = image;
  }
  destroy() {
    this.destroyed = true;
  }
  labels(): string[] {
    return (this.menu?.template ?? []).map((i) =>
      i.type === 'separator' ? '---' : String(i.label),
    );
  }
  /** Clicks the first enabled menu item with this label. */
  clickItem(label: string) {
    const item = this.menu?.template.find((i) => i.label === label && i.enabled !== false);
    if (!item?.click) throw new Error(`no clickable menu item "${label}"`);
    press(item);
  }
}

/** Electron calls click(menuItem, window, event); the tray's items read none of them. */
export function press(item: MenuItemConstructorOptions): void {
  const click: ((...args: never[]) => void) | undefined = item.click;
  click?.();
}
