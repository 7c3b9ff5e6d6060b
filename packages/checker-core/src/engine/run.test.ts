import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { loadProfile } from '../profiles/load-profile.js';
import { defineRule } from '../rules/rule.js';

const sample = (name: string) => fileURLToPath(new URL(`../../../../sample-media/${name}`, import.meta.url));

describe('run', () => {
  it('turns a rule that throws into that file’s one-line internal error, and goes on', async () => {
    const web = await loadProfile('web');
    const broken = defineRule({
      id: 'test.broken', area: 'file', notice: '(test)', description: 'A rule with a bug.', severity: 'error', needs: ['probe'], options: {},
      check: (facts) => {
        if (facts.sizeBytes > 2_000_000) throw new TypeError('cannot read properties of undefined');
        return { status: 'pass', messageId: 'expected/none', measured: null, expectedId: 'expected/none' };
      },
    });
    const profile = { name: 'test', settings: [...web.settings, { rule: broken, severity: 'error' as const, options: {} }] };
    const { files: results, rules } = await run({ paths: [sample('lesson-01-good.mp4'), sample('lesson-04-low-res-late-audio.mp4')], profile, quick: true, jobs: 1 });
    expect(rules['test.broken']).toEqual({ area: 'file', notice: '(test)', description: 'A rule with a bug.', severity: 'error' });
    expect(results[0]).toMatchObject({ status: 'error', error: { code: 'internal', message: 'internal error: rule test.broken failed (cannot read properties of undefined)' } });
    expect(results[1]!.status).toBe('fail');
    expect(results[1]!.findings.find((f) => f.rule === 'test.broken')!.status).toBe('pass');
  });
});
