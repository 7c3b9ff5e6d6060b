import { formatBitrate, formatBytes, formatClock, formatFps } from './units.js';
import type { Locale } from './finding.js';
import type { ReportedFacts } from './reported-facts.js';

const WORDS = {
  en: { video: '', audio: '', channels: (n: number) => `${n}ch` },
  zh: { video: '画面 ', audio: '声音 ', channels: (n: number) => (n === 1 ? '单声道' : n === 2 ? '双声道' : `${n} 声道`) },
};

/** Codec names as producers know them. */
const CODECS: Record<string, string> = { h264: 'H.264', hevc: 'H.265/HEVC', aac: 'AAC', mp3: 'MP3', av1: 'AV1', vp9: 'VP9', mpeg4: 'MPEG-4', prores: 'ProRes' };

/** A file's facts on one line: size · duration · video · audio. The text, HTML and app all show it, in their locale. */
export function describeFacts(facts: ReportedFacts, locale: Locale = 'en'): string {
  const words = WORDS[locale];
  const codec = (name: string) => (locale === 'en' ? name : (CODECS[name] ?? name));
  const parts: string[] = [formatBytes(facts.sizeBytes)];
  if (facts.durationS !== null) parts.push(formatClock(facts.durationS));
  const { video, audio } = facts;
  if (video) {
    const fps = video.timing.nominalFps === null ? '' : ` ${formatFps(video.timing.nominalFps)}`;
    const rate = video.measuredBitrateBps === null ? '' : ` ${formatBitrate(video.measuredBitrateBps)}`;
    parts.push(`${words.video}${codec(video.codec)} ${video.displayWidth}×${video.displayHeight}${fps}${rate}`);
  }
  if (audio) {
    const rate = audio.measuredBitrateBps === null ? '' : ` ${formatBitrate(audio.measuredBitrateBps)}`;
    parts.push(`${words.audio}${codec(audio.codec)} ${audio.sampleRateHz / 1000} kHz ${words.channels(audio.channels)}${rate}`);
  }
  return parts.join(' · ');
}
