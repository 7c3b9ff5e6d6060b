import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.snr',
  area: 'audio',
  notice: '音频信噪比：大于50dB',
  description:
    'Blind speech-to-noise ratio by the NIST STNR method (histogram of 20 ms frame powers of the mono mix: noise = the low mode, speech = the 95th percentile above the first trough) is above 50 dB. Frames of digital silence are left out and counted.',
  severity: 'error',
  needs: ['audio'],
  options: { minSnrDb: { default: 50, min: 0, description: 'The SNR must be above this, in dB.' } },
  check({ audioAnalysis }, { minSnrDb }) {
    const expected = `> ${minSnrDb} dB`;
    if (!audioAnalysis) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    const { snr } = audioAnalysis;
    const measured = {
      snrDb: snr.snrDb === null ? null : round(snr.snrDb, 1),
      speechLevelDbfs: snr.speechLevelDbfs === null ? null : round(snr.speechLevelDbfs, 1),
      noiseLevelDbfs: snr.noiseLevelDbfs === null ? null : round(snr.noiseLevelDbfs, 1),
      digitalSilenceFrames: snr.digitalSilenceFrames,
      frames: snr.frameCount,
    };
    const silentShare = snr.frameCount > 0 ? Math.round((100 * snr.digitalSilenceFrames) / snr.frameCount) : 0;
    if (snr.pausesAreDigitalSilence) {
      const over = snr.snrDb === null ? '' : `; over the rest, speech ${measured.speechLevelDbfs} dBFS against a floor of ${measured.noiseLevelDbfs} dBFS (${measured.snrDb} dB)`;
      return {
        status: 'warn',
        message: `the pauses are pure digital silence (${silentShare}% of frames, gated or edited audio): there is no noise floor in them to measure, and the noise under the speech cannot be measured blind${over}`,
        measured,
        expected,
      };
    }
    if (snr.snrDb === null) return { status: 'warn', message: 'speech and noise could not be told apart: no pauses, one level throughout', measured, expected };
    const detail = `speech ${measured.speechLevelDbfs} dBFS, noise floor ${measured.noiseLevelDbfs} dBFS`;
    if (snr.snrDb > minSnrDb) return { status: 'pass', message: `SNR ${measured.snrDb} dB (${detail})`, measured, expected };
    return { status: 'fail', message: `SNR ${measured.snrDb} dB is not above ${minSnrDb} dB (${detail}): background noise is audible in the pauses`, measured, expected };
  },
});
