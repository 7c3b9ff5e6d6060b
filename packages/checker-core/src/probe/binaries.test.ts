import { describe, expect, it } from 'vitest';
import { ffmpegPath, ffprobePath, resolveBinaries, unpacked } from './binaries.js';

describe('the pinned binaries', () => {
  it('come from the npm packages and name their versions', async () => {
    const binaries = await resolveBinaries();
    expect(binaries.ffprobe.version).toMatch(/^ffprobe version 4\.0\.2/);
    expect(binaries.ffmpeg.version).toMatch(/^ffmpeg version N-47683/);
    expect(ffmpegPath()).toContain('@ffmpeg-installer');
    expect(ffprobePath()).toContain('ffprobe-static');
  });

  it('are found beside the asar archive in a packaged app', () => {
    expect(unpacked('/opt/app/resources/app.asar/node_modules/ffprobe-static/bin/linux/x64/ffprobe')).toBe('/opt/app/resources/app.asar.unpacked/node_modules/ffprobe-static/bin/linux/x64/ffprobe');
    expect(unpacked('C:\\App\\resources\\app.asar\\node_modules\\x\\ffmpeg.exe')).toBe('C:\\App\\resources\\app.asar.unpacked\\node_modules\\x\\ffmpeg.exe');
    expect(unpacked('/usr/lib/node_modules/ffprobe-static/ffprobe')).toBe('/usr/lib/node_modules/ffprobe-static/ffprobe');
  });
});
