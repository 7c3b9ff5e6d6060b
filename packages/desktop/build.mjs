// Builds the desktop app with esbuild: the renderer and the browser harness's API for the browser,
// the main process (ESM) and the preload (CommonJS, as sandboxed preloads must be) for Electron.
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

const out = new URL('./dist/', import.meta.url).pathname;
await mkdir(`${out}renderer`, { recursive: true });
// checker-core is bundled from its TypeScript sources (the `@courseware-check/source` export condition), not
// its dist/, so the app always holds the checker as it is in the tree.
const conditions = ['@courseware-check/source'];
const browser = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', logLevel: 'warning', conditions };
await build({ ...browser, entryPoints: ['src/renderer/app.ts'], outfile: `${out}renderer/renderer.js` });
await build({ ...browser, entryPoints: ['src/browser/browser-api.ts'], outfile: `${out}renderer/browser-api.js` });
await copyFile('src/renderer/index.html', `${out}renderer/index.html`);
await copyFile('src/renderer/styles.css', `${out}renderer/styles.css`);
// checker-core is bundled in; its own dependencies load from node_modules.
const external = ['electron', 'execa', 'sharp', 'yaml', 'iconv-lite', 'jschardet', 'subtitle', 'ffprobe-static', '@ffmpeg-installer/ffmpeg', 'lmdb'];
await build({
  bundle: true, platform: 'node', target: 'node20', format: 'esm', external, logLevel: 'warning', conditions,
  entryPoints: ['src/main/main.ts'], outfile: `${out}main.mjs`,
  banner: { js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; const require = __cr(import.meta.url); const __dirname = __fu(new URL('.', import.meta.url));" },
});
await build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['electron'], logLevel: 'warning', conditions, entryPoints: ['src/preload/preload.ts'], outfile: `${out}preload.cjs` });
