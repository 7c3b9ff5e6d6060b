// Before `pnpm pack`: removes from the package's dist/ what no source builds any more (a file moved or
// deleted since the last build), so the tarball holds only current code. It removes orphans only, never
// the whole folder: tests that run the built command may be running beside a pack.
import { readdirSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = join(process.cwd(), 'dist');
const src = join(process.cwd(), 'src');
const built = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !built.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const source = join(src, relative(dist, path).replace(built, '.ts'));
  if (!existsSync(source)) rmSync(path);
}
