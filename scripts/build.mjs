// Builds every target of vite.config.ts in order. See that file for what each mode makes.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const only = process.argv.slice(2);
const targets = only.length > 0 ? only : ['renderer', 'web-preload', 'preload', 'main'];
for (const mode of targets) {
  const started = performance.now();
  await build({
    mode,
    logLevel: 'warn',
    // A file path, not a URL's pathname: that would keep %20 for a space and /D:/ on Windows.
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
  });
  console.log(`built ${mode} in ${Math.round(performance.now() - started)} ms`);
}
