// Builds every target of vite.config.ts in order. See that file for what each mode makes.
import { build } from 'vite';

const only = process.argv.slice(2);
const targets = only.length > 0 ? only : ['renderer', 'web-preload', 'preload', 'main'];
for (const mode of targets) {
  const started = performance.now();
  await build({
    mode,
    logLevel: 'warn',
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
  });
  console.log(`built ${mode} in ${Math.round(performance.now() - started)} ms`);
}
