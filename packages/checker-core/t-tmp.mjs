import { readMp4Index } from './dist/probe/mp4-index.js';
import { packetsFromIndex } from './dist/probe/index-packets.js';
import { parseVideoFacts } from './dist/probe/parse-ffprobe.js';
const p = process.argv[2];
for (let k = 0; k < 3; k++) {
let t = performance.now();
const idx = await readMp4Index(p);
let t2 = performance.now();
const v = packetsFromIndex(idx, idx.tracks[0], { codec_type: 'video', codec_name: 'h264', time_base: `1/${idx.tracks[0].timescale}`, r_frame_rate: '25/1' });
let t3 = performance.now();
const a = packetsFromIndex(idx, idx.tracks[1], { codec_type: 'audio', codec_name: 'aac', time_base: `1/${idx.tracks[1].timescale}` });
let t4 = performance.now();
const f = parseVideoFacts({ index: 0, time_base: `1/${idx.tracks[0].timescale}`, r_frame_rate: '25/1', duration: '600' }, v);
let t5 = performance.now();
console.log('read', (t2 - t).toFixed(1), 'video', (t3 - t2).toFixed(1), 'audio', (t4 - t3).toFixed(1), 'facts', (t5 - t4).toFixed(1));
}
