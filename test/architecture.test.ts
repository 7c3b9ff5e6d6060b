import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';

/** The layers of docs/architecture.md, as dependency-cruiser reads them. */
const config = createRequire(import.meta.url)(join(REPO_ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

async function violationsIn(baseDir: string, paths: string[]): Promise<string[]> {
  const { output } = await cruise(paths, { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } } as never);
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('the layers of docs/architecture.md', () => {
  it('hold for every import in the three packages', async () => {
    expect(await violationsIn(REPO_ROOT, ['packages/checker-core/src', 'packages/cli/src', 'packages/desktop/src'])).toEqual([]);
  });

  it('catch a rule that imports a probe, a probe that imports a rule, facts that import anything, and the core importing the CLI', async () => {
    // A tree shaped like ours, with one forbidden import of each kind.
    const root = await mkdtemp(join(tmpdir(), 'layers-'));
    const files: Record<string, string> = {
      'packages/checker-core/src/probe/ffprobe.ts': "import { rule } from '../rules/rule.js';\nexport const probe = rule;\n",
      'packages/checker-core/src/rules/rule.ts': "export const rule = 1;\n",
      'packages/checker-core/src/rules/bad.ts': "import { probe } from '../probe/ffprobe.js';\nexport const bad = probe;\n",
      'packages/checker-core/src/facts/facts.ts': "import { readFile } from 'node:fs/promises';\nexport const facts = readFile;\n",
      'packages/checker-core/src/engine/run.ts': "import { main } from '../../../cli/src/main.js';\nexport const run = main;\n",
      'packages/cli/src/main.ts': "export const main = 1;\n",
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
    const violations = await violationsIn(root, ['packages']);
    expect(violations).toEqual(
      expect.arrayContaining([
        'probe-imports-only-facts-probe: packages/checker-core/src/probe/ffprobe.ts → packages/checker-core/src/rules/rule.ts',
        'rules-imports-only-facts-subtitles-rules: packages/checker-core/src/rules/bad.ts → packages/checker-core/src/probe/ffprobe.ts',
        'facts-import-no-package: packages/checker-core/src/facts/facts.ts → fs/promises',
        'core-never-imports-the-front-ends: packages/checker-core/src/engine/run.ts → packages/cli/src/main.ts',
      ]),
    );
    expect(violations).toHaveLength(4);
  });
});
