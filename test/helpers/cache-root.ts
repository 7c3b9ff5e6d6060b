/**
 * vitest's global set-up: one result-cache folder for this test run, removed after it. Every process
 * a test starts inherits it, so no test reads or fills the user's cache, and no run sees the last
 * run's verdicts; `runCli` goes further and gives each command a folder of its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'courseware-check-test-cache-'));
  process.env.COURSEWARE_CHECK_CACHE_DIR = root;
  return () => rm(root, { recursive: true, force: true });
}
