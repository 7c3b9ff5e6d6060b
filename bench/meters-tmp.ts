import { HopLevelMeter } from '../packages/checker-core/src/analyze/audio/frame-levels.js';
import { HumMeter } from '../packages/checker-core/src/analyze/audio/hum.js';
import { ClippingDetector } from '../packages/checker-core/src/analyze/audio/clipping.js';
import { LoudnessMeter } from '../packages/checker-core/src/analyze/audio/loudness.js';
const rate = 48000, ch = 2, seconds = 120;
const chunkFrames = 8192;
const data = new Float32Array(rate * seconds * ch);
for (let i = 0; i < data.length; i++) data[i] = 0.3 * Math.sin(i * 0.01) * Math.sin(i * 0.0003) + 0.001 * ((i * 7919) % 13 - 6);
const make = { levels: () => new HopLevelMeter(rate, ch), hum: () => new HumMeter(rate, ch), clipping: () => new ClippingDetector(rate, ch), loudness: () => new LoudnessMeter(rate, ch) };
for (const [name, mk] of Object.entries(make)) {
  for (let rep = 0; rep < 2; rep++) {
    const m = mk();
    const t = performance.now();
    for (let f = 0; f < rate * seconds; f += chunkFrames) {
      const n = Math.min(chunkFrames, rate * seconds - f);
      m.push(data.subarray(f * ch, (f + n) * ch), n);
    }
    const ms = performance.now() - t;
    if (rep === 1) console.log(name.padEnd(10), (ms * 1e6 / (rate * seconds * ch)).toFixed(2), 'ns/sample', ms.toFixed(0), 'ms per', seconds, 's');
  }
}
