// Proves each architectural lint rule fires: a rule that never reports is no rule at all.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

// The first lint builds a TypeScript program for type-aware rules: seconds, not milliseconds.
describe('architecture lint rules', { timeout: 60_000 }, () => {
  it('forbids electron in main/core', async () => {
    const ids = await ruleIdsFor(
      'main/core/ports.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
    expect(ids).toContain('no-restricted-imports');
  });

  it('allows electron in the composition root', async () => {
    const ids = await ruleIdsFor(
      'main/index.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
    expect(ids).not.toContain('no-restricted-imports');
  });

  it.each([
    ['a desktop feature model', 'main/desktop/tray/tray-model.ts'],
    ['a desktop helper outside a feature folder', 'main/desktop/time-format.ts'],
    ['the IPC door', 'main/ipc/ipc-handlers.ts'],
    ['the core both hosts build', 'main/app/create-app-core.ts'],
    ['the IPC contract', 'preload/contract.ts'],
  ])('forbids electron in %s (%s)', async (_what, file) => {
    const ids = await ruleIdsFor(file, "import { app } from 'electron';\nexport const x = app;\n");
    expect(ids).toContain('no-restricted-imports');
  });

  it.each([
    ['an Electron adapter', 'main/desktop/tray/electron-tray.ts'],
    ["a feature's installer", 'main/desktop/tray/install-tray.ts'],
  ])('allows electron in %s (%s)', async (_what, file) => {
    const ids = await ruleIdsFor(file, "import { app } from 'electron';\nexport const x = app;\n");
    expect(ids).not.toContain('no-restricted-imports');
  });

  it.each([
    ['electron', "import { app } from 'electron';\nexport const x = app;\n"],
    ['a Node built-in', "import { join } from 'node:path';\nexport const x = join;\n"],
    [
      'main-process code',
      "import { AppError } from '../../main/core/errors.ts';\nexport const x = AppError;\n",
    ],
    [
      'renderer code',
      "import { initials } from '../../renderer/components/initials.ts';\nexport const x = initials;\n",
    ],
  ])('keeps preload/shared, which both sides import, free of %s', async (_what, code) => {
    const ids = await ruleIdsFor('preload/shared/limits.ts', code);
    expect(ids).toContain('no-restricted-imports');
  });

  it('lets preload/shared import its own siblings', async () => {
    const code =
      "import { MAX_LINK_LENGTH } from './limits.ts';\nexport const x = MAX_LINK_LENGTH;\n";
    const ids = await ruleIdsFor('preload/shared/date-key.ts', code);
    expect(ids).not.toContain('no-restricted-imports');
  });

  it('forbids electron in the renderer', async () => {
    const ids = await ruleIdsFor(
      'renderer/main.tsx',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    );
    expect(ids).toContain('no-restricted-imports');
  });

  it('forbids node built-ins in the renderer', async () => {
    const ids = await ruleIdsFor(
      'renderer/main.tsx',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(ids).toContain('no-restricted-imports');
  });

  it('forbids main-process code in the renderer', async () => {
    const ids = await ruleIdsFor(
      'renderer/main.tsx',
      "import { AppError } from '../main/core/errors.ts';\nexport const x = AppError;\n",
    );
    expect(ids).toContain('no-restricted-imports');
  });

  it('forbids dangerouslySetInnerHTML anywhere', async () => {
    const code =
      'export const X = (p: { html: string }) => <div dangerouslySetInnerHTML={{ __html: p.html }} />;\n';
    const ids = await ruleIdsFor('renderer/main.tsx', code);
    expect(ids).toContain('no-restricted-syntax');
  });

  it('reports floating promises', async () => {
    const code = 'async function f() { return 1; }\nexport function g() { f(); }\n';
    const ids = await ruleIdsFor('main/core/ports.ts', code);
    expect(ids).toContain('@typescript-eslint/no-floating-promises');
  });
});
