import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { loadProfile, ProfileError, resolveProfile } from './load-profile.js';

const settingOf = (profile: Awaited<ReturnType<typeof loadProfile>>, id: string) => profile.settings.find((s) => s.rule.id === id);

describe('built-in profiles', () => {
  it('web enables every rule with a 1 Mbps video floor; archive raises it to 4 Mbps', async () => {
    const web = await loadProfile('web');
    expect(web.settings.map((s) => s.rule.id)).toEqual(rules.map((r) => r.id));
    expect(settingOf(web, 'video.bitrate')!.options.minBps).toBe(1_000_000);
    expect(settingOf(await loadProfile('archive'), 'video.bitrate')!.options.minBps).toBe(4_000_000);
  });
});

describe('user profiles', () => {
  it('extend a built-in, change severity and options, and turn rules off (YAML)', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'profile-'));
    const path = join(folder, 'school.yaml');
    await writeFile(path, 'extends: archive\nrules:\n  video.duration: off\n  audio.bitrate: warning\n  video.bitrate:\n    options: { minBps: 6000000 }\n');
    const profile = await loadProfile(path);
    expect(settingOf(profile, 'video.duration')).toBeUndefined();
    expect(settingOf(profile, 'audio.bitrate')!.severity).toBe('warning');
    expect(settingOf(profile, 'video.bitrate')!.options.minBps).toBe(6_000_000);
  });

  it.each([
    [{ rules: { 'video.colour': 'off' } }, /unknown rule "video.colour"/],
    [{ rulez: {} }, /unknown key "rulez"/],
    [{ extends: 'broadcast' }, /"extends": "broadcast" is not a built-in/],
    [{ rules: { 'video.bitrate': { options: { minBps: '1M' } } } }, /options.minBps: must be a number, not "1M"/],
    [{ rules: { 'video.bitrate': { options: { floor: 1 } } } }, /unknown option "floor" \(allowed: minBps\)/],
    [{ rules: { 'video.bitrate': { options: { minBps: -1 } } } }, /must be ≥ 0/],
    [{ rules: { 'video.bitrate': 'fatal' } }, /"fatal" is not "off", "error" or "warning"/],
    [{ rules: { 'video.bitrate': { severity: 'info' } } }, /severity must be "error" or "warning"/],
    [{ rules: { 'video.bitrate': { enable: false } } }, /unknown key "enable"/],
    [[1, 2], /must be an object/],
  ])('rejects %j naming the key', (data, message) => {
    expect(() => resolveProfile('bad', data, 'bad.json')).toThrow(ProfileError);
    expect(() => resolveProfile('bad', data, 'bad.json')).toThrow(message);
  });

  it('names a missing profile file and a broken one', async () => {
    await expect(loadProfile('/nonexistent/profile.json')).rejects.toThrow(/no such file, and not a built-in profile/);
    const folder = await mkdtemp(join(tmpdir(), 'profile-'));
    await writeFile(join(folder, 'broken.json'), '{ "extends": ');
    await expect(loadProfile(join(folder, 'broken.json'))).rejects.toThrow(/not valid JSON/);
  });
});
