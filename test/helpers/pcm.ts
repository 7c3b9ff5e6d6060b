import { execa } from 'execa';
import { ffmpegPath } from '@courseware-check/checker-core';

/**
 * Ground truth, computed here without the analyzer: renders an `aevalsrc` expression to mono
 * 32-bit float at 48 kHz with the bundled ffmpeg, before any encoding.
 */
export async function renderMono(expression: string, durationS: number): Promise<Float32Array> {
  const { stdout } = await execa(
    ffmpegPath(),
    ['-v', 'error', '-f', 'lavfi', '-i', `aevalsrc=exprs=${expression}:sample_rate=48000:duration=${durationS}`, '-f', 'f32le', '-acodec', 'pcm_f32le', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 },
  );
  const bytes = stdout as Uint8Array;
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function rmsDbfs(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return 10 * Math.log10(sum / samples.length);
}

/** The `fraction` percentile of 20 ms frame powers (10 ms hop) over frames that are not exact zeros, dBFS. */
export function framePowerPercentileDbfs(samples: Float32Array, fraction: number, rateHz = 48000): number {
  const frame = Math.round(rateHz / 50);
  const hop = frame / 2;
  const powers: number[] = [];
  for (let start = 0; start + frame <= samples.length; start += hop) {
    let sum = 0;
    for (let i = start; i < start + frame; i++) sum += samples[i]! * samples[i]!;
    if (sum > 0) powers.push(10 * Math.log10(sum / frame));
  }
  powers.sort((a, b) => a - b);
  return powers[Math.floor(fraction * (powers.length - 1))]!;
}
