import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '@courseware-check/checker-core';
import { renderRulesDoc } from '../scripts/rules-doc.js';
import { REPO_ROOT } from './helpers/cli.js';

const RULES_DIR = join(REPO_ROOT, 'packages/checker-core/src/rules');
const fileOf = (id: string) => id.replace(/\./g, '-');

describe('the rule list', () => {
  it('has unique ids, each in a file named after it, with a test beside it', async () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      await expect(stat(join(RULES_DIR, `${fileOf(rule.id)}.ts`)), rule.id).resolves.toBeTruthy();
      await expect(stat(join(RULES_DIR, `${fileOf(rule.id)}.test.ts`)), `${rule.id} has no test`).resolves.toBeTruthy();
    }
  });

  it('every rule states its notice text, a description, and defaults for its options', () => {
    for (const rule of rules) {
      expect(rule.notice.length, rule.id).toBeGreaterThan(2);
      expect(rule.description.length, rule.id).toBeGreaterThan(10);
      for (const spec of Object.values(rule.options as Record<string, { default: unknown; description: string }>)) {
        expect(spec.default, rule.id).not.toBeUndefined();
        expect(spec.description.length, rule.id).toBeGreaterThan(5);
      }
    }
  });

  it('docs/rules.md is generated from the current rules (run `pnpm docs:rules`)', async () => {
    expect(await readFile(join(REPO_ROOT, 'docs/rules.md'), 'utf8')).toBe(await renderRulesDoc());
  });
});
