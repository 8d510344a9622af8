// Lint enforces the architecture: main/core, main/ipc, main/app (the core both hosts build) and
// the desktop features' pure models never import electron (in main/desktop only `electron-*.ts`
// adapters and `install-*.ts` wiring may); the renderer never imports electron, node:* or
// main/**; preload/shared (imported by both) imports none of those; nobody sets raw HTML.
// test/lint proves each rule fires.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noRawHtml = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Raw HTML is not allowed: render text through React.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/lint/fixtures/**',
      'coverage/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', noRawHtml],
    },
  },
  {
    files: [
      'main/core/**/*.ts',
      'main/ipc/**/*.ts',
      'main/app/**/*.ts',
      'main/desktop/**/*.ts',
      'preload/contract.ts',
    ],
    ignores: ['main/desktop/**/electron-*.ts', 'main/desktop/**/install-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Pure modules (main/core, main/ipc, main/app, desktop models, the IPC contract) must not import electron: use a port, or put it in an electron-*.ts adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    // Imported by main and by the sandboxed renderer alike, so it may lean on neither.
    files: ['preload/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'preload/shared runs in the renderer too.' }],
          patterns: [
            {
              group: ['node:*'],
              message: 'preload/shared runs in the renderer: no Node built-ins.',
            },
            {
              group: ['**/main/**', '**/renderer/**'],
              message: 'preload/shared is imported by both sides, so it imports neither.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through window.meetingTray.',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a sandbox: no Node built-ins.' },
            {
              group: ['**/main/**', '../main', '../../main'],
              message: 'The renderer must not import main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
  },
);
