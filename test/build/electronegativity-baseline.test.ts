import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const baseline = JSON.parse(
  readFileSync(join(root, 'test/security/electronegativity-baseline.json'), 'utf8'),
) as {
  findings: Array<{ rule: string; file: string; justification: string }>;
};

describe('electronegativity baseline', () => {
  it('every accepted finding names an existing file, a check id and a real justification', () => {
    expect(baseline.findings.length).toBeGreaterThan(0);
    for (const entry of baseline.findings) {
      expect(entry.rule, JSON.stringify(entry)).toMatch(/^[A-Z_]+_CHECK$/u);
      expect(existsSync(join(root, entry.file)), entry.file).toBe(true);
      expect(entry.justification.trim().length, entry.file).toBeGreaterThanOrEqual(80);
    }
  });

  it('has no duplicate entries', () => {
    const keys = baseline.findings.map((f) => `${f.rule}|${f.file}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
