import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.snr',
  area: 'audio',
  notice: '音频信噪比：大于50dB',
  description:
    'Blind speech-to-noise ratio by the NIST STNR method (histogram of 20 ms frame powers, per channel: noise = the low mode, speech = the 95th percentile above the first trough) is above 50 dB in every channel that carries speech (the lowest counts: averaging to mono would hide 3 dB of independent noise). Frames of digital silence are left out and counted. Where the pauses hold a bed that moves (music, ambience), the noise is the steady floor beneath it (minimum statistics per band), not the level of the pauses.',
  severity: 'error',
  needs: ['audio'],
  options: { minSnrDb: { default: 50, min: 0, description: 'The SNR must be above this, in dB.' } },
  check({ audioAnalysis }, { minSnrDb }) {
    const expected = { expectedId: 'audio.snr/expected', expectedParams: { minSnrDb } };
    if (!audioAnalysis) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const { snr } = audioAnalysis;
    const measured = {
      snrDb: snr.snrDb === null ? null : round(snr.snrDb, 1),
      speechLevelDbfs: snr.speechLevelDbfs === null ? null : round(snr.speechLevelDbfs, 1),
      noiseLevelDbfs: snr.noiseLevelDbfs === null ? null : round(snr.noiseLevelDbfs, 1),
      digitalSilenceFrames: snr.digitalSilenceFrames,
      frames: snr.frameCount,
      noiseUnderBed: snr.noiseUnderBed,
    };
    const silentShare = snr.frameCount > 0 ? Math.round((100 * snr.digitalSilenceFrames) / snr.frameCount) : 0;
    const params = { snrDb: measured.snrDb, speechDbfs: measured.speechLevelDbfs, noiseDbfs: measured.noiseLevelDbfs, minSnrDb };
    if (snr.pausesAreDigitalSilence) return { status: 'warn', messageId: 'audio.snr/digital-silence', params: { ...params, silentPercent: silentShare }, measured, ...expected };
    if (snr.snrDb === null) return { status: 'warn', messageId: 'audio.snr/undecided', measured, ...expected };
    if (snr.snrDb > minSnrDb) return { status: 'pass', messageId: 'audio.snr/pass', params, measured, ...expected };
    return { status: 'fail', messageId: 'audio.snr/noisy', params, measured, ...expected };
  },
});
