import { EventEmitter } from 'node:events';
import type {
  AddRepresentationOptions,
  CreateFromBufferOptions,
  MenuItemConstructorOptions,
  NativeImage,
  TitleOptions,
} from 'electron';
import type { TrayWidget } from '../../../main/desktop/tray/electron-tray.ts';

export class FakeImage implements Pick<
  NativeImage,
  'setTemplateImage' | 'isTemplateImage' | 'addRepresentation'
> {
  /** The file it was made from; null for an image made from bytes. */
  readonly path: string | null;
  /** The bitmaps it was made from or given, as nativeImage keeps one per scale factor. */
  readonly representations: { scaleFactor: number; buffer: Buffer }[] = [];
  private template = false;
  constructor(path: string | null) {
    this.path = path;
  }
  setTemplateImage(option: boolean) {
    this.template = option;
  }
  isTemplateImage() {
    return this.template;
  }
  addRepresentation(options: AddRepresentationOptions) {
    if (!options.buffer) throw new Error('the fake keeps bitmaps given as buffers only');
    this.representations.push({ scaleFactor: options.scaleFactor ?? 1, buffer: options.buffer });
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
  createFromBuffer(buffer: Buffer, options: CreateFromBufferOptions = {}) {
    const image = new FakeImage(null);
    image.addRepresentation({ buffer, scaleFactor: options.scaleFactor ?? 1 });
    return image;
  },
};

/** The tray controller's slice of Tray (a Pick of Electron's own type), over the fake menu. */
export class FakeTray extends EventEmitter implements TrayWidget<FakeImage, FakeMenu | null> {
  image: FakeImage;
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  titleOptions: TitleOptions | undefined;
  menuBuilds = 0;
  /** How often each part was sent to the OS, to show what a minute tick costs. */
  tooltipSets = 0;
  titleSets = 0;
  imageSets = 0;
  destroyed = false;
  constructor(image: FakeImage) {
    super();
    this.image = image;
  }
  setToolTip(toolTip: string) {
    this.tooltip = toolTip;
    this.tooltipSets += 1;
  }
  setTitle(title: string, options?: TitleOptions) {
    this.title = title;
    this.titleOptions = options;
    this.titleSets += 1;
  }
  setContextMenu(menu: FakeMenu | null) {
    this.menu = menu;
    this.menuBuilds += 1;
  }
  setImage(image: FakeImage) {
    this.image = image;
    this.imageSets += 1;
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
