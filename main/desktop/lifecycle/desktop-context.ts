import type { Clock, Logger } from '../../core/ports.ts';
import type { Teardown } from './teardown.ts';

/**
 * What the installers share: the platform (for platform choices), time, logging, and the
 * teardown on which each registers its own clean-up. The composition root spreads it into
 * every install…() call; each installer picks the members it uses.
 */
export interface DesktopContext {
  platform: NodeJS.Platform;
  clock: Clock;
  logger: Logger;
  teardown: Teardown;
}
