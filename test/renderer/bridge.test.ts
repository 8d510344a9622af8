import { describe, expect, it } from 'vitest';
import { BRIDGE_KEY } from '../../preload/contract.ts';
import { getBridge } from '../../renderer/bridge.ts';
import { createFakeBridge } from '../fakes/fake-bridge.ts';
import { signedOut } from '../fakes/session-fixtures.ts';

describe('getBridge', () => {
  it('returns the API the preload put on window', () => {
    const api = createFakeBridge(signedOut);
    Object.defineProperty(window, BRIDGE_KEY, { value: api, configurable: true });
    try {
      expect(getBridge()).toBe(api);
    } finally {
      Reflect.deleteProperty(window, BRIDGE_KEY);
    }
  });

  it('says what is wrong when there is no preload', () => {
    expect(() => getBridge()).toThrow(/bridge is missing/u);
  });
});
