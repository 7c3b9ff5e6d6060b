// Loaded with `node --import` by `pnpm bench`: when the process exits, writes its peak resident
// memory (the whole Node process; its ffmpeg children are not counted) to the file PEAK_RSS_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    // maxRSS is in KiB.
    writeFileSync(file, String(process.resourceUsage().maxRSS / 1024));
  });
}
