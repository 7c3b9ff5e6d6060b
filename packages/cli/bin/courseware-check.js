#!/usr/bin/env node
// Runs the bundle that build.mjs makes from src/ into dist/: the published package ships it, and in the
// repository `pnpm install` builds it (`pnpm build` after changing the sources; `pnpm test` builds first).
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/courseware-check.mjs', import.meta.url);
try {
  await import(main.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(main))) throw error;
  process.stderr.write('courseware-check: not built (dist/courseware-check.mjs is missing): run `pnpm install` or `pnpm build` in the repository\n');
  process.exitCode = 2;
}
