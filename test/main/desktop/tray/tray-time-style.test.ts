import { describe, expect, it } from 'vitest';
import {
  buildTrayModel,
  createTrayModelBuilder,
  type TrayItem,
} from '../../../../main/desktop/tray/tray-model.ts';
import { resolveTimeStyle } from '../../../../preload/shared/time-style.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';

const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const labels = (items: TrayItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label));
// 13:00Z is 05:00 in Los Angeles and 14:00 in Berlin; 22:30Z is 14:30 in Los Angeles.
const morning = meeting('1', 'Standup', '2026-11-24T13:00:00Z');
const afternoon = meeting('2', 'Review', '2026-11-24T22:30:00Z');
const state = signedIn([morning, afternoon]);
const NOW = at('2026-11-24T12:00:00Z');

describe('the tray writes times as the window does (the clock choice and the locale)', () => {
  it('en-US follows its 12-hour habit, and a forced 24-hour clock overrides it', () => {
    const system = resolveTimeStyle({ locale: 'en-US', clock: 'system' });
    expect(labels(buildTrayModel(state, NOW, LA, { timeStyle: system }).items)).toContain(
      '2:30 PM  Review',
    );
    const forced = resolveTimeStyle({ locale: 'en-US', clock: '24h' });
    const model = buildTrayModel(state, NOW, LA, { timeStyle: forced });
    expect(labels(model.items)).toContain('14:30  Review');
    expect(model.tooltip).toBe('Next: Standup at 05:00 — in 1 h');
  });

  it('de-DE writes 24-hour by habit, and 12-hour in its own words when forced', () => {
    const system = resolveTimeStyle({ locale: 'de-DE', clock: 'system' });
    expect(labels(buildTrayModel(state, NOW, BERLIN, { timeStyle: system }).items)).toContain(
      '14:00  Standup',
    );
    const twelve = resolveTimeStyle({ locale: 'de-DE', clock: '12h' });
    const line = labels(buildTrayModel(state, NOW, BERLIN, { timeStyle: twelve }).items).find(
      (label) => label.endsWith('Standup'),
    );
    expect(line).toMatch(/^2:00\s?PM  Standup$/u);
  });

  it('a kept builder rebuilds its formatters when the style changes (the cache key has the style)', () => {
    const build = createTrayModelBuilder();
    const twelve = resolveTimeStyle({ locale: 'en-US', clock: '12h' });
    const twentyFour = resolveTimeStyle({ locale: 'en-US', clock: '24h' });
    expect(labels(build(state, NOW, LA, { timeStyle: twelve }).items)).toContain(
      '5:00 AM  Standup',
    );
    expect(labels(build(state, NOW, LA, { timeStyle: twentyFour }).items)).toContain(
      '05:00  Standup',
    );
    expect(labels(build(state, NOW, LA, { timeStyle: twelve }).items)).toContain(
      '5:00 AM  Standup',
    );
  });

  it('without a style it keeps the narrow en-GB 24-hour form', () => {
    expect(labels(buildTrayModel(state, NOW, LA).items)).toContain('14:30  Review');
  });
});
