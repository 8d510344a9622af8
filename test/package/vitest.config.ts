// The packaged-app tests (`npm run test:package`, a step of .ci/run): they package the app with
// electron-builder and boot it, so they run on their own, one file at a time, not in `npm test`.
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'package',
    root: join(import.meta.dirname, '../..'),
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
