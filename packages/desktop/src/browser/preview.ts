/** `pnpm --filter desktop preview`: the app's window in any browser, backed by the real checker, on loopback. */
import { fileURLToPath } from 'node:url';
import { startHarness } from './server.js';

const harness = await startHarness(fileURLToPath(new URL('../../dist/renderer/', import.meta.url)));
process.stdout.write(`courseware-check preview at ${harness.url} (Ctrl-C to stop)\n`);
process.on('SIGINT', () => void harness.close().then(() => process.exit(0)));
