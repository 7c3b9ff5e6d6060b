import { formatBitrate, formatBytes, formatClock, formatFps } from './units.js';
import type { ReportedFacts } from './reported-facts.js';

/** A file's facts on one line: size · duration · video · audio. The text, HTML and app all show it. */
export function describeFacts(facts: ReportedFacts): string {
  const parts: string[] = [formatBytes(facts.sizeBytes)];
  if (facts.durationS !== null) parts.push(formatClock(facts.durationS));
  const { video, audio } = facts;
  if (video) {
    const fps = video.timing.nominalFps === null ? '' : ` ${formatFps(video.timing.nominalFps)}`;
    const rate = video.measuredBitrateBps === null ? '' : ` ${formatBitrate(video.measuredBitrateBps)}`;
    parts.push(`${video.codec} ${video.displayWidth}×${video.displayHeight}${fps}${rate}`);
  }
  if (audio) {
    const rate = audio.measuredBitrateBps === null ? '' : ` ${formatBitrate(audio.measuredBitrateBps)}`;
    parts.push(`${audio.codec} ${audio.sampleRateHz / 1000} kHz ${audio.channels}ch${rate}`);
  }
  return parts.join(' · ');
}
