import { describe, expect, it } from 'vitest';
import { profileFrom, profileData, decodeChecked, encodeChecked, versionDifference } from './jobs.js';
import { loadProfile, type CheckedFile } from '@courseware-check/checker-core';

describe('what a job carries', () => {
  it('a verdict survives the trip as JSON: Float32Array sound prints and non-finite numbers exactly', () => {
    const checked = {
      result: { path: 'a.mp4', status: 'pass', facts: null, findings: [{ measured: { levelDb: -Infinity, ratio: NaN, peak: Infinity, zero: -0.5 } }], error: null },
      print: { head: { level: Float32Array.from([-120, -3.25, 0.1]), loudness: Float32Array.from([-23.1]) }, tail: { level: new Float32Array(0), loudness: Float32Array.from([1e-7]) } },
    } as unknown as CheckedFile;
    const back = decodeChecked(encodeChecked(checked));
    expect(back).toEqual(checked);
    expect(back.print!.head.level).toBeInstanceOf(Float32Array);
    expect(Array.from(back.print!.head.level)).toEqual(Array.from(checked.print!.head.level));
    expect((back.result.findings[0] as unknown as { measured: { levelDb: number } }).measured.levelDb).toBe(-Infinity);
  });

  it('a profile goes as rule ids, severities and options, and comes back the same', async () => {
    const profile = await loadProfile('archive');
    const back = profileFrom(JSON.parse(JSON.stringify(profileData(profile))));
    expect(back.name).toBe('archive');
    expect(back.settings.map((s) => [s.rule, s.severity, s.options])).toEqual(profile.settings.map((s) => [s.rule, s.severity, s.options]));
  });

  it('the first differing version is named as each side names it', () => {
    const mine = { tool: '0.1.0', ffmpeg: 'ffmpeg version A', ffprobe: 'ffprobe version 4.0.2' };
    expect(versionDifference(mine, { ...mine })).toBeNull();
    expect(versionDifference(mine, { ...mine, ffprobe: 'ffprobe version 9' })).toEqual({ mine: 'ffprobe version 4.0.2', theirs: 'ffprobe version 9' });
    expect(versionDifference(mine, { ...mine, tool: '0.2.0' })).toEqual({ mine: 'courseware-check 0.1.0', theirs: 'courseware-check 0.2.0' });
  });
});
