// Bundles the command with esbuild into dist/courseware-check.mjs and the chunks its lazy imports load
// (`pnpm bench`: a quick check starts in 0.28 s instead of 0.42 s, since Node loads 10 files instead of
// 330). checker-core is bundled from its TypeScript sources, as in the desktop app; the packages that
// ship binaries or load files beside themselves, and the queue's, load from node_modules.
//
// Every file lands in dist/ itself, at the depth of the modules it holds, so that their paths relative
// to `import.meta.url` (package.json, sample-media/) still hold. A file is written only when it
// changed (through a rename) and stale chunks are removed afterwards: commands running beside a
// rebuild (the tests run beside `pnpm pack`) never see a half-written or missing file.
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const ours = /^(courseware-check|bundle-.+)\.mjs$/;

/**
 * string-width (yargs' and cliui's) makes an Intl.Segmenter and a `\p{RGI_Emoji}` regular expression as
 * it loads: 14 ms each here, measured alone, though only `--help` measures a string. They are made at
 * their first use instead (a proxy stands in for each); the build stops if a new version no longer has them.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(build) {
    build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      let found = 0;
      const contents = source.replace(/^const (\w+) = (new Intl\.Segmenter\(\)|\/\^\\p\{RGI_Emoji\}\$\/v);$/gm, (_, name, made) => {
        found += 1;
        return `const ${name} = onFirstUse(() => ${made});`;
      });
      if (found === 0) throw new Error(`${path}: no Intl.Segmenter made as it loads; see lazyStringWidth in build.mjs`);
      return { contents: `${contents}\n${onFirstUse}\n`, loader: 'js' };
    });
  },
};

/** An object that stands for `make()`, made when one of its members is first read. */
function onFirstUse(make) {
  let value;
  return new Proxy({}, {
    get(_, key) {
      value ??= make();
      const member = value[key];
      return typeof member === 'function' ? member.bind(value) : member;
    },
  });
}

const external = ['sharp', 'yaml', 'iconv-lite', 'jschardet', 'subtitle', 'ffprobe-static', '@ffmpeg-installer/ffmpeg', 'lmdb', 'bullmq', 'ioredis'];

const { outputFiles } = await build({
  entryPoints: { 'courseware-check': fileURLToPath(new URL('./src/main.ts', import.meta.url)) },
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir: dist,
  // The paths in the bundle's comments are relative to this: pinned, so that the build from the
  // repository's root (`pnpm build`) and from this package (`pnpm pack`'s prepack) write the same bytes
  // and a pack beside the tests rewrites nothing they are running.
  absWorkingDir: fileURLToPath(new URL('.', import.meta.url)),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'bundle-[name]-[hash]',
  conditions: ['@courseware-check/source'],
  external,
  plugins: [lazyStringWidth],
  // Bundled CommonJS (yargs' y18n, …) calls require().
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  write: false,
  logLevel: 'warning',
});

const written = new Set();
for (const file of outputFiles) {
  const name = basename(file.path);
  written.add(name);
  const current = await readFile(file.path).catch(() => null);
  if (current && Buffer.compare(current, file.contents) === 0) continue;
  const part = join(dist, `.${name}.${randomUUID()}.part`);
  await writeFile(part, file.contents);
  await rename(part, file.path);
}
for (const name of await readdir(dist)) {
  if (ours.test(name) && !written.has(name)) await rm(join(dist, name), { force: true });
}
