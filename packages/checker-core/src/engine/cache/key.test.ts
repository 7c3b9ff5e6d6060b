import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../facts/finding.js';
import { loadProfile, resolveProfile } from '../../profiles/load-profile.js';
import type { CheckTarget } from '../discover.js';
import { decodeEntry, encodeEntry } from './entry.js';
import { entryKey, settingsDigest, type VerdictSettings } from './key.js';

const web = await loadProfile('web');
const settings: VerdictSettings = { toolVersion: '0.1.0', ffmpeg: 'ffmpeg version 4.2.1', ffprobe: 'ffprobe version 4.0.2', profile: web, quick: false, language: 'zh', code: 'c0de' };

describe('the cache key: every setting a verdict depends on', () => {
  it('the same settings give the same digest; the same rules under another profile name too', () => {
    expect(settingsDigest({ ...settings, profile: { ...web } })).toBe(settingsDigest(settings));
    expect(settingsDigest({ ...settings, profile: { ...web, name: 'renamed' } })).toBe(settingsDigest(settings));
  });

  it('a changed threshold, severity or rule set of the profile is a miss', () => {
    const stricter = resolveProfile('ours', { extends: 'web', rules: { 'video.bitrate': { options: { minBps: 6_000_000 } } } }, 'ours.yaml');
    const softer = resolveProfile('ours', { extends: 'web', rules: { 'video.bitrate': 'warning' } }, 'ours.yaml');
    const fewer = resolveProfile('ours', { extends: 'web', rules: { 'video.duration': 'off' } }, 'ours.yaml');
    const digests = [web, stricter, softer, fewer].map((profile) => settingsDigest({ ...settings, profile }));
    expect(new Set(digests).size).toBe(4);
  });

  it('another tool version, binary, code build, --quick or course language is a miss', () => {
    const changes: Partial<VerdictSettings>[] = [
      { toolVersion: '0.2.0' },
      { ffmpeg: 'ffmpeg version 6.1' },
      { ffprobe: 'ffprobe version 6.1' },
      { code: 'c0de2' },
      { quick: true },
      { language: 'en' },
    ];
    const digests = changes.map((change) => settingsDigest({ ...settings, ...change }));
    expect(new Set([settingsDigest(settings), ...digests]).size).toBe(changes.length + 1);
  });

  it("an entry's key: the file's bytes, its sidecars' bytes and the path the report names", () => {
    const digest = settingsDigest(settings);
    const target: CheckTarget = { kind: 'media', path: 'a/lesson.mp4', readPath: 'a/lesson.mp4', sidecars: [{ path: 'a/lesson.srt', readPath: 'a/lesson.srt' }] };
    const content = { sha256: 'aa', sidecars: [{ path: 'a/lesson.srt', sha256: 'bb' }] };
    const key = entryKey(digest, target, content);
    expect(entryKey(digest, { ...target }, { ...content })).toBe(key);
    expect(entryKey(digest, target, { ...content, sha256: 'ab' })).not.toBe(key);
    expect(entryKey(digest, target, { ...content, sidecars: [{ path: 'a/lesson.srt', sha256: 'bc' }] })).not.toBe(key);
    expect(entryKey(digest, target, { ...content, sidecars: [] })).not.toBe(key);
    expect(entryKey(digest, { ...target, path: 'b/lesson.mp4' }, content)).not.toBe(key);
    expect(entryKey(settingsDigest({ ...settings, quick: true }), target, content)).not.toBe(key);
  });
});

describe('an entry: the verdict without what belongs to one run, in the reader’s locale', () => {
  const result: FileResult = {
    path: 'a/lesson.mp4',
    sha256: 'aa',
    status: 'fail',
    facts: null,
    error: null,
    startedAt: '2026-12-01T00:00:00.000Z',
    elapsedS: 3.2,
    findings: [
      {
        rule: 'video.frame-rate',
        severity: 'error',
        status: 'fail',
        messageId: 'video.frame-rate/not-allowed',
        params: { fps: 30, allowedFps: [25, 29.97], suggestedFps: 29.97 },
        measured: 30,
        expectedId: 'expected/none',
        message: 'English text',
        expected: '',
        evidence: '/tmp/x.jpg',
        evidenceDataUri: 'data:image/jpeg;base64,AAAA',
      },
    ],
  };

  it('drops timings, the hash and evidence; keeps the sound print; renders the messages again', () => {
    const print = { head: { level: new Float32Array([1, 2]), loudness: new Float32Array([3]) }, tail: { level: new Float32Array([4]), loudness: new Float32Array([5]) } };
    const bytes = encodeEntry({ result, print });
    const zh = decodeEntry(bytes, 'zh')!;
    const en = decodeEntry(bytes, 'en')!;
    expect(zh.result).not.toHaveProperty('startedAt');
    expect(zh.result).not.toHaveProperty('elapsedS');
    expect(zh.result).not.toHaveProperty('sha256');
    expect(zh.result.findings[0]).not.toHaveProperty('evidence');
    expect(zh.result.findings[0]).not.toHaveProperty('evidenceDataUri');
    expect(zh.print!.head.level).toEqual(new Float32Array([1, 2]));
    expect(zh.result.findings[0]!.message).toMatch(/帧率为 30 fps/);
    expect(en.result.findings[0]!.message).toMatch(/^frame rate is 30 fps/);
    expect(en.result.findings[0]!.message).not.toBe(zh.result.findings[0]!.message);
  });

  it('bytes that are not an entry are a miss, not an error', () => {
    expect(decodeEntry(Buffer.from('not an entry'), 'en')).toBeNull();
  });
});
