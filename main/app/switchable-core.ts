// The core for one account at a time. A core is built for one provider (its auth, API client
// and session share that provider, and its keychain record is that provider's), so changing
// the account builds a new core rather than teaching each service to swap providers. Everything
// outside holds the stable session, minute ticks and deep-link door below, which follow the
// core in use: the IPC door, the tray, reminders and launch-at-login never notice the switch.
import type { AuthService } from '../core/auth/auth-service.types.ts';
import type { MeetingTrayCore } from '../core/meeting-tray-core.ts';
import type { Logger } from '../core/ports.ts';
import type { SessionService } from '../core/session/session-service.ts';
import type { MinuteTicks } from '../core/time/minute-ticker.ts';

export interface SwitchableCore<Core extends MeetingTrayCore> {
  /** The session of the core in use: listeners and calls follow it across switches. */
  session: SessionService;
  minuteTicks: MinuteTicks;
  auth: Pick<AuthService, 'handleDeepLink'>;
  current(): Core;
  /**
   * Signs out of the account in use through its session (revoke + wipe of its keychain record),
   * builds the next core, shuts the old one down and starts the new one. Switches run one at a
   * time; session calls made meanwhile wait for the switch and go to the new core.
   */
  switchTo(build: () => Core | Promise<Core>): Promise<void>;
  /** Quit: waits for a switch in flight, then shuts the core in use down. */
  shutdown(timeoutMs: number): Promise<void>;
}

export function createSwitchableCore<Core extends MeetingTrayCore>(deps: {
  first: Core;
  /** How long a switch waits for the old core's refresh in flight to reach the keychain. */
  drainMs: number;
  logger: Logger;
}): SwitchableCore<Core> {
  const { logger } = deps;
  let core = deps.first;
  let switching: Promise<void> = Promise.resolve();
  let started = false;
  /** What the shell last told the session, told again to each new core (null: nothing yet). */
  let windowVisible: boolean | null = null;
  let userActive: boolean | null = null;
  /** Each core's session starts once, whether start() or a switch gets there first. */
  const starts = new WeakMap<Core, Promise<void>>();
  const startCore = (target: Core): Promise<void> => {
    let start = starts.get(target);
    if (!start) {
      start = target.session.start();
      starts.set(target, start);
    }
    return start;
  };

  // --- session listeners, re-attached to each new core -----------------------------------
  const listeners = new Set<Parameters<SessionService['subscribe']>[0]>();
  const forward: Parameters<SessionService['subscribe']>[0] = (state) => {
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        logger.error('session listener failed', { error: String(error) });
      }
    }
  };
  let detachSession = core.session.subscribe(forward);

  // --- minute listeners: each holds its subscription to the current core's ticks ----------
  const minuteListeners = new Map<() => void, () => void>();
  const minuteTicks: MinuteTicks = {
    onMinute(listener) {
      const entry = () => listener();
      minuteListeners.set(entry, core.minuteTicks.onMinute(entry));
      return () => {
        minuteListeners.get(entry)?.();
        minuteListeners.delete(entry);
      };
    },
    realign: () => core.minuteTicks.realign(),
    stop() {
      for (const stop of minuteListeners.values()) stop();
      minuteListeners.clear();
      core.minuteTicks.stop();
    },
  };

  /** Session calls wait for a switch in flight, so they reach the core that will be in use. */
  const afterSwitch = async <T>(call: () => T | Promise<T>): Promise<T> => {
    await switching;
    return call();
  };

  const session: SessionService = {
    getState: () => core.session.getState(),
    subscribe(listener) {
      const entry: typeof listener = (state) => listener(state);
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    start() {
      started = true;
      return afterSwitch(() => startCore(core));
    },
    signIn: () => afterSwitch(() => core.session.signIn()),
    cancelSignIn: () => core.session.cancelSignIn(),
    reopenSignInPage: () => afterSwitch(() => core.session.reopenSignInPage()),
    signOut: () => afterSwitch(() => core.session.signOut()),
    refresh: () => afterSwitch(() => core.session.refresh()),
    setWindowVisible(visible) {
      windowVisible = visible;
      core.session.setWindowVisible(visible);
    },
    setUserActive(active) {
      userActive = active;
      core.session.setUserActive(active);
    },
    dispose() {
      detachSession();
      listeners.clear();
      core.session.dispose();
    },
  };

  async function replace(build: () => Core | Promise<Core>) {
    const old = core;
    // The old account is signed out first: its grant is revoked and its keychain record wiped.
    if (old.session.getState().kind === 'signing-in') old.session.cancelSignIn();
    // A sign-out that fails cannot keep the person on an account they replaced: the new one is
    // already saved, so the switch goes on (sign-out itself revokes and wipes within bounds).
    const signedOut = await old.session.signOut().then(
      ({ serverRevoked }) => ({ serverRevoked }),
      (error: unknown) => ({ error: String(error) }),
    );
    logger.info('signed out of the previous account before switching', signedOut);
    // Built before the old one is shut down: if it cannot be built, the old one stays in use.
    const next = await build();
    detachSession();
    await old.shutdown(deps.drainMs);
    core = next;
    detachSession = next.session.subscribe(forward);
    for (const [entry, stop] of minuteListeners) {
      stop();
      minuteListeners.set(entry, next.minuteTicks.onMinute(entry));
    }
    if (windowVisible !== null) next.session.setWindowVisible(windowVisible);
    if (userActive !== null) next.session.setUserActive(userActive);
    if (started) await startCore(next);
    forward(next.session.getState());
  }

  return {
    session,
    minuteTicks,
    auth: { handleDeepLink: (url) => core.auth.handleDeepLink(url) },
    current: () => core,
    switchTo(build) {
      const run = switching.then(() => replace(build));
      switching = run.catch(() => undefined);
      return run;
    },
    async shutdown(timeoutMs) {
      await switching;
      detachSession();
      await core.shutdown(timeoutMs);
    },
  };
}
