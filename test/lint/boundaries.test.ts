// Proves each architectural lint rule fires: a rule that never reports is no rule at all.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
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

  it('allows electron in the Electron adapters', async () => {
    const ids = await ruleIdsFor(
      'main/index.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
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
