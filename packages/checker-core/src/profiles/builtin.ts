import type { ProfileFile } from './profile.js';

/** The built-in profiles, as data. `web` is every rule at its defaults. */
export const builtinProfiles: Record<string, ProfileFile> = {
  web: {
    description: '网络发布版本: the version uploaded to a platform (video bit rate ≥ 1 Mbps).',
    rules: {},
  },
  archive: {
    description: '存档版本: the archived master (video bit rate ≥ 4 Mbps).',
    extends: 'web',
    rules: { 'video.bitrate': { options: { minBps: 4_000_000 } } },
  },
};
