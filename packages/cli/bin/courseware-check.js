#!/usr/bin/env node
// Runs the bundle that build.mjs makes from src/ into dist/: the published package ships it, and in the
// repository `pnpm install` builds it (`pnpm build` after changing the sources; `pnpm test` builds first).
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1 and later keep V8's compiled code of the bundle between runs, in the system's temporary
// folder (NODE_DISABLE_COMPILE_CACHE=1 turns it off): a quick check starts 28 ms sooner (`pnpm bench`'s
// lesson, Node 24). Node 20 has no such cache and skips this.
module.enableCompileCache?.();

const main = new URL('../dist/courseware-check.mjs', import.meta.url);
try {
  await import(main.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(main))) throw error;
  process.stderr.write('courseware-check: not built (dist/courseware-check.mjs is missing): run `pnpm install` or `pnpm build` in the repository\n');
  process.exitCode = 2;
}
