import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { verdictOf } from '../testing/run-rule.js';

const aspect = (displayWidth: number, displayHeight: number) => verdictOf('video.aspect', makeFacts({ video: { displayWidth, displayHeight } }));

describe('video.aspect', () => {
  it.each([
    [1920, 1080, 'pass'],
    [1440, 1080, 'pass'],
    [1280, 720, 'pass'],
    [1920, 1090, 'pass'], // 1.761: within 1 % of 16:9
    [1920, 800, 'warn'], // 2.4:1 cinema
    [1080, 1080, 'fail'],
    [1080, 1920, 'fail'],
  ] as const)('%i×%i → %s', (w, h, status) => {
    expect(aspect(w, h)).toBe(status);
  });
});
