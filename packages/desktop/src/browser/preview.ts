/** `pnpm --filter desktop preview`: the app's window in any browser, backed by the real checker, on loopback. */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startHarness } from './server.js';

const harness = await startHarness(fileURLToPath(new URL('../../dist/renderer/', import.meta.url)));
// The address carries this launch's token: only a page opened from it can use the checker.
process.stdout.write(`courseware-check preview at ${harness.url} (Ctrl-C to stop)\n`);
process.stdout.write(`dropped files are kept in ${harness.uploads} until it stops\n`);
process.stdout.write(`fixed lessons are written under ${harness.outputs} (and offered for download) until it stops\n`);

let stopping = false;
/** The harness's own folders: they go with it. */
function removeFolders(): void {
  rmSync(harness.uploads, { recursive: true, force: true });
  rmSync(harness.outputs, { recursive: true, force: true });
}

/** Removes the dropped files and the fixed lessons and exits as a process killed by the signal would (128 + its number). */
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  // Should closing hang, the files still go.
  setTimeout(() => {
    removeFolders();
    process.exit(code);
  }, 5000).unref();
  harness.close().then(
    () => process.exit(code),
    () => {
      removeFolders();
      process.exit(code);
    },
  );
}
process.on('SIGINT', () => stop(130));
process.on('SIGTERM', () => stop(143));
