import { describe, expect, it } from 'vitest';
import { parseBoundaries, parseLoudnorm } from './measurements.js';

/** Output recorded from the bundled ffmpeg (N-47683, 4.1-dev). */
describe('reading the measuring passes back', () => {
  it('loudnorm’s first pass: the JSON block at the end of stderr; none for silence', () => {
    const stderr = [
      "Output #0, null, to 'pipe:':",
      'size=N/A time=00:00:30.01 bitrate=N/A speed=17.8x',
      '[Parsed_loudnorm_1 @ 0x15876040] ',
      '{',
      '\t"input_i" : "-19.21",',
      '\t"input_tp" : "-10.98",',
      '\t"input_lra" : "23.30",',
      '\t"input_thresh" : "-32.68",',
      '\t"output_i" : "-16.02",',
      '\t"output_tp" : "-7.39",',
      '\t"output_lra" : "16.40",',
      '\t"output_thresh" : "-29.05",',
      '\t"normalization_type" : "dynamic",',
      '\t"target_offset" : "0.02"',
      '}',
    ].join('\n');
    expect(parseLoudnorm(stderr)).toEqual({ input_i: '-19.21', input_tp: '-10.98', input_lra: '23.30', input_thresh: '-32.68', target_offset: '0.02' });
    expect(parseLoudnorm(stderr.replace('"-19.21"', '"-inf"'))).toBeNull();
    expect(parseLoudnorm('no json here')).toBeNull();
  });

  it('black, silence and scene changes from one pass', () => {
    const stderr = [
      '[silencedetect @ 0x212afe00] silence_start: 10',
      '[silencedetect @ 0x212afe00] silence_end: 12 | silence_duration: 2.00002',
      '[Parsed_metadata_3 @ 0x2132b380] frame:0    pts:163840  pts_time:10',
      '[Parsed_metadata_3 @ 0x2132b380] lavfi.black_start=10',
      '[Parsed_metadata_3 @ 0x2132b380] lavfi.scene_score=1.000000',
      '[blackdetect @ 0x211daf80] black_start:10 black_end:12 black_duration:2',
      '[Parsed_metadata_3 @ 0x2132b380] frame:1    pts:196608  pts_time:12',
      '[Parsed_metadata_3 @ 0x2132b380] lavfi.black_end=12',
      '[Parsed_metadata_3 @ 0x2132b380] lavfi.scene_score=1.000000',
      // A file that ends in silence has no silence_end: no interval.
      '[silencedetect @ 0x212afe00] silence_start: 20.5',
    ].join('\n');
    expect(parseBoundaries(stderr)).toEqual({ blacks: [{ startS: 10, endS: 12 }], silences: [{ startS: 10, endS: 12 }], sceneChangesS: [10, 12] });
  });

});
