// The parent's side of boot/boot-packaged-app.ts: starts the child with only the environment an
// installed app launched from a menu would have here (the test keychain's service name, D-Bus and
// XDG variables), and sends it one request at a time.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Answer, BootConfig, Request } from './boot/boot-packaged-app.ts';

export interface PackagedAppState {
  windows: Array<{
    loadedUrls: string[];
    visible: boolean;
    destroyed: boolean;
    webPreferences: Record<string, unknown>;
    icon: string | null;
  }>;
  trays: Array<{ labels: string[]; tooltip: string; image: string }>;
  opened: string[];
  errorBoxes: Array<{ title: string; content: string }>;
  pushes: string[];
  violations: string[];
  crashes: string[];
  nativeLoads: string[];
  runtimePackages: string[];
}

type RequestBody = Request extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/** D-Bus (the Secret Service) and XDG variables, plus the test keychain's service name. */
export function launchEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(DBUS_|XDG_RUNTIME_DIR$|XDG_DATA_HOME$)/u.test(name)) env[name] = value;
  }
  env.MEETING_TRAY_KEYCHAIN_SERVICE = process.env.MEETING_TRAY_KEYCHAIN_SERVICE;
  return env;
}

export class PackagedAppProcess {
  readonly output: string[] = [];
  readonly env: NodeJS.ProcessEnv;
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, (answer: Answer) => void>();
  private lastId = 0;

  constructor(env: NodeJS.ProcessEnv) {
    this.env = env;
    this.child = fork(join(import.meta.dirname, 'boot/boot-packaged-app.ts'), [], {
      execArgv: [],
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const keep = (chunk: Buffer) => this.output.push(chunk.toString());
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (answer: Answer) => this.pending.get(answer.id)?.(answer));
    this.child.on('exit', (code, signal) => {
      for (const settle of this.pending.values())
        settle({ id: -1, ok: false, error: `the app process ended (${code ?? signal})` });
    });
  }

  request<T>(body: RequestBody): Promise<T> {
    const id = ++this.lastId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (answer) => {
        this.pending.delete(id);
        if (answer.ok) resolve(answer.value as T);
        else reject(new Error(`${answer.error}\n--- app output ---\n${this.output.join('')}`));
      });
      this.child.send({ ...body, id } as Request);
    });
  }

  boot(config: BootConfig) {
    return this.request<null>({ op: 'boot', config });
  }
  state() {
    return this.request<PackagedAppState>({ op: 'state' });
  }
  fetch(url: string) {
    return this.request<{ status: number; headers: Record<string, string>; body: string }>({
      op: 'fetch',
      url,
    });
  }
  preload() {
    return this.request<{
      file: string;
      required: string[];
      exposed: Array<{ key: string; methods: string[] }>;
    }>({ op: 'preload' });
  }
  call<T>(method: string, ...args: unknown[]) {
    return this.request<T>({ op: 'call', method, args });
  }
  quit() {
    return this.request<{ exitCodes: number[]; quitCalls: number }>({ op: 'quit' });
  }
  kill() {
    this.child.kill();
  }
}
