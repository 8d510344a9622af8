// The hosts read the configuration built into the package here, before the core is built; the
// core only ever sees the parsed result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuiltInConfig, type BuiltInConfig } from '../core/config/built-in-config.ts';
import { AppError } from '../core/errors.ts';

/** The file's name; the package step writes it next to the main bundle (dist/main/). */
export const BUILT_IN_CONFIG_FILE = 'app-config.json';

/** Where the running main bundle keeps its built-in configuration. */
export function builtInConfigPath(mainBundleDir: string): string {
  return join(mainBundleDir, BUILT_IN_CONFIG_FILE);
}

/**
 * The built-in configuration at `file`, or null when there is none (a development build, or a
 * package built without ZOOM_CLIENT_ID). A file that is there but unreadable or invalid is a
 * `config_invalid` error naming it: a package that cannot say which account it is for must not
 * quietly become the demo.
 */
export function readBuiltInConfig(file: string): BuiltInConfig | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError(
      'config_invalid',
      `The built-in configuration ${file} cannot be read (${(error as Error).message}).`,
      { cause: error },
    );
  }
  return parseBuiltInConfig(text, file);
}
