import type { Logger } from '../../core/ports.ts';

export type Dispose = () => void | Promise<void>;

/** What an installer receives to register its own clean-up, so nobody orders teardown by hand. */
export interface Teardown {
  add(dispose: Dispose): void;
}

export interface TeardownRunner extends Teardown {
  /** Runs every registered clean-up once, newest first (the reverse of start-up order). */
  run(): Promise<void>;
}

export function createTeardown(logger: Logger): TeardownRunner {
  const steps: Dispose[] = [];
  let ran: Promise<void> | null = null;
  return {
    add(dispose) {
      steps.push(dispose);
    },
    run() {
      ran ??= (async () => {
        for (const dispose of steps.reverse()) {
          try {
            await dispose();
          } catch (error) {
            // One failing clean-up must not keep the others (or quitting) from happening.
            logger.warn('a clean-up step failed while quitting', { error: String(error) });
          }
        }
      })();
      return ran;
    },
  };
}
