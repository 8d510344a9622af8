// The Zoom sandbox as a separate process (`node main/sandbox/cli.ts`), as a developer would run
// a server of their own: the packaged app knows it only from the configuration baked into it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from './scratch-project.ts';

export interface SandboxProcess {
  url: string;
  apiBase: string;
  publicClientId: string;
  stop(): Promise<void>;
}

const LINES = {
  url: /^Zoom sandbox listening on (\S+)$/u,
  publicClientId: /^Public client \(PKCE, no secret\): client_id=(\S+)$/u,
  apiBase: /^API base: (\S+)/u,
} as const;

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(PROJECT_ROOT, 'main/sandbox/cli.ts'), '--port', '0', '--test-mode'],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const found: Partial<Record<keyof typeof LINES, string>> = {};
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    for (const [key, pattern] of Object.entries(LINES)) {
      const value = pattern.exec(line)?.[1];
      if (value) found[key as keyof typeof LINES] = value;
    }
    if (found.url && found.publicClientId && found.apiBase) break;
  }
  child.stdout?.resume(); // keep draining whatever it prints later
  const { url, publicClientId, apiBase } = found;
  if (!url || !publicClientId || !apiBase) throw new Error('the sandbox ended before it listened');
  return {
    url,
    apiBase,
    publicClientId,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
