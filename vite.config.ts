/**
 * One config, four build targets, chosen with `vite build --mode <target>`:
 *   main        main/index.ts        -> dist/main/index.cjs              (Electron main, Node 24 / CJS)
 *   preload     preload/index.ts     -> dist/preload/index.cjs           (sandboxed preload: one CJS file)
 *   web-preload preload/web.ts       -> dist/web-preload/web-preload.js  (browser harness bridge)
 *   renderer    renderer/index.html  -> dist/renderer/                   (React, Chromium)
 * scripts/build.mjs runs them in order. Vitest reads the `test` block.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './preload/shared/content-security-policy.ts';

const root = import.meta.dirname;
const nodeExternals = [
  'electron',
  '@napi-rs/keyring',
  'electron-store',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

/** Where renderer/index.html asks for the policy; a build without it fails rather than ship none. */
const CSP_PLACEHOLDER = '%CONTENT_SECURITY_POLICY%';

/**
 * Fills the window's one CSP (preload/shared/content-security-policy.ts, also sent as a header
 * by app:// and the harness) into the built index.html's <meta http-equiv> tag.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'meeting-tray:content-security-policy',
    transformIndexHtml(html) {
      if (!html.includes(CSP_PLACEHOLDER))
        throw new Error(`index.html has no ${CSP_PLACEHOLDER} for the Content-Security-Policy`);
      return html.replaceAll(CSP_PLACEHOLDER, CONTENT_SECURITY_POLICY);
    },
  };
}

function nodeBundle(
  entry: string,
  outDir: string,
  fileName: string,
  external: string[],
): UserConfig {
  return {
    build: {
      outDir: resolve(root, outDir),
      emptyOutDir: true,
      target: 'node24',
      ssr: true,
      minify: false,
      sourcemap: true,
      lib: { entry: resolve(root, entry), formats: ['cjs'], fileName: () => fileName },
      rollupOptions: { external },
    },
    ssr: { noExternal: true },
  };
}

export default defineConfig(({ mode }) => {
  switch (mode) {
    case 'main':
      return nodeBundle('main/index.ts', 'dist/main', 'index.cjs', nodeExternals);
    case 'preload':
      return nodeBundle('preload/index.ts', 'dist/preload', 'index.cjs', ['electron']);
    case 'web-preload':
      return {
        build: {
          outDir: resolve(root, 'dist/web-preload'),
          emptyOutDir: true,
          target: 'chrome140',
          lib: {
            entry: resolve(root, 'preload/web.ts'),
            formats: ['iife'],
            name: 'meetingTrayWebPreload',
            fileName: () => 'web-preload.js',
          },
        },
      };
    default:
      return {
        root: resolve(root, 'renderer'),
        base: './',
        plugins: [react(), contentSecurityPolicyMeta()],
        build: { outDir: resolve(root, 'dist/renderer'), emptyOutDir: true, target: 'chrome140' },
        test: {
          root,
          projects: [
            {
              extends: true,
              test: {
                name: 'node',
                root,
                include: [
                  'test/main/**/*.test.ts',
                  'test/preload/**/*.test.ts',
                  'test/lint/**/*.test.ts',
                  'test/build/**/*.test.ts',
                ],
                environment: 'node',
                // One module graph per worker instead of one per file: about 40% of the CPU time
                // (see the commit that set it). Safe because tests share no module state; the two
                // files that mock `electron` are the only ones that import modules using it.
                isolate: false,
              },
            },
            {
              extends: true,
              test: {
                name: 'renderer',
                root,
                include: ['test/renderer/**/*.test.{ts,tsx}'],
                environment: 'happy-dom',
                setupFiles: ['test/renderer/setup.ts'],
                // One happy-dom per worker, not per file (cleanup() empties it after each test).
                isolate: false,
              },
            },
          ],
        },
      };
  }
});
