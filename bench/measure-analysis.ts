/** Runs one analysis in a fresh process and prints its time and peak memory (for `pnpm bench`). */
import { performance } from 'node:perf_hooks';
import { probeMedia } from '@courseware-check/checker-core';
import { analyzeAudio } from '../packages/checker-core/src/analyze/audio/analyze-audio.js';
import { analyzeVideo } from '../packages/checker-core/src/analyze/video/analyze-video.js';

const [kind, path] = process.argv.slice(2);
const facts = await probeMedia(path!);
const baselineRssBytes = process.memoryUsage().rss;
const start = performance.now();
if (kind === 'audio') await analyzeAudio(path!, facts.audio!);
else if (kind === 'video') await analyzeVideo(path!, facts.video!, facts.video!.frameTimesS);
else throw new Error(`unknown analysis ${kind}`);
const seconds = (performance.now() - start) / 1000;
// maxRSS is in KiB: the whole process's peak, Node itself included.
process.stdout.write(JSON.stringify({ seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024, baselineRssMiB: baselineRssBytes / 1024 ** 2 }));
