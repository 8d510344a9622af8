// Packages a scratch copy of the project for Linux as an unpacked folder (`--linux dir`), through
// `npm run dist`'s own script (scripts/package/dist.ts), with the stand-in Electron.
import { join } from 'node:path';
import { PROJECT_ROOT, run, type CommandResult } from './scratch-project.ts';
import type { StandInElectron } from './stand-in-electron.ts';

export interface LinuxPackage {
  /** The unpacked app: the executable, locales/, resources/. */
  appDir: string;
  resources: string;
  executable: string;
  build: CommandResult;
}

/** What the build may see of the environment: no Zoom configuration except what `zoom` gives. */
function buildEnv(zoom: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('ZOOM_')) delete env[name];
  return { ...env, ...zoom };
}

export async function packageLinuxDir(options: {
  project: string;
  out: string;
  electron: StandInElectron;
  arch: 'x64' | 'arm64';
  zoom?: Record<string, string>;
}): Promise<LinuxPackage> {
  const build = await run(
    process.execPath,
    [
      join(PROJECT_ROOT, 'scripts/package/dist.ts'),
      '--linux',
      'dir',
      `--${options.arch}`,
      `-c.electronDist=${options.electron.dir}`,
      `-c.electronVersion=${options.electron.version}`,
      `-c.directories.output=${options.out}`,
      '--publish',
      'never',
    ],
    { cwd: options.project, env: buildEnv(options.zoom ?? {}) },
  );
  const appDir = join(
    options.out,
    options.arch === 'x64' ? 'linux-unpacked' : 'linux-arm64-unpacked',
  );
  return {
    appDir,
    resources: join(appDir, 'resources'),
    executable: join(appDir, 'meeting-tray'),
    build,
  };
}
