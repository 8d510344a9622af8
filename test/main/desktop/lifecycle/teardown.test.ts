import { describe, expect, it } from 'vitest';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';

describe('teardown', () => {
  it('runs clean-ups newest first, awaiting each, exactly once', async () => {
    const order: string[] = [];
    const teardown = createTeardown(createCapturingLogger());
    teardown.add(() => void order.push('window'));
    teardown.add(async () => {
      await Promise.resolve();
      order.push('tray');
    });
    teardown.add(() => void order.push('ipc'));
    await Promise.all([teardown.run(), teardown.run()]);
    await teardown.run();
    expect(order).toEqual(['ipc', 'tray', 'window']);
  });

  it('goes on after a failing step and logs it', async () => {
    const logger = createCapturingLogger();
    const order: string[] = [];
    const teardown = createTeardown(logger);
    teardown.add(() => void order.push('first'));
    teardown.add(() => {
      throw new Error('boom');
    });
    await teardown.run();
    expect(order).toEqual(['first']);
    expect(logger.text()).toContain('a clean-up step failed while quitting');
  });
});
