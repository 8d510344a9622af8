import { glanceIconPng } from './glance-icon.ts';

/**
 * Which file in assets/ the tray uses. macOS takes a template image (black + alpha; the OS
 * tints it for light, dark and highlighted menu bars; `@2x` is picked up automatically).
 * Windows wants ICO. Linux panels do not tint, so the glyph colour follows the theme.
 */
export function trayIconFileName(platform: NodeJS.Platform, darkTheme: boolean): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  if (platform === 'win32') return darkTheme ? 'tray-on-dark.ico' : 'tray-on-light.ico';
  return darkTheme ? 'tray-on-dark.png' : 'tray-on-light.png';
}

/** One bitmap of an icon and the display scale it is drawn for. */
export interface IconRepresentation {
  scaleFactor: number;
  png: Buffer;
}

const GLYPH_ON_LIGHT = [0, 0, 0] as const;
const GLYPH_ON_DARK = [255, 255, 255] as const;

/**
 * The icon carrying the minutes left (see tray-glance.ts), in the same colours as the file icons.
 * Windows picks the bitmap for the display's scale (16 px at 100 %, 24 at 150 %, 32 at 200 %);
 * Linux panels get the same 32 px the file icon has and scale it themselves.
 */
export function glanceIconRepresentations(
  platform: NodeJS.Platform,
  minutes: number,
  darkTheme: boolean,
): IconRepresentation[] {
  const colour = platform !== 'darwin' && darkTheme ? GLYPH_ON_DARK : GLYPH_ON_LIGHT;
  const sizes: readonly (readonly [number, number])[] =
    platform === 'win32'
      ? [
          [16, 1],
          [24, 1.5],
          [32, 2],
        ]
      : platform === 'darwin'
        ? [
            [16, 1],
            [32, 2],
          ]
        : [[32, 1]];
  return sizes.map(([size, scaleFactor]) => ({
    scaleFactor,
    png: glanceIconPng(minutes, size, colour),
  }));
}
