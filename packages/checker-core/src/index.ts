/**
 * courseware-check's library. `run()` is the whole check (what the command line and the app call);
 * the formatters turn its Report into text, JSON, JUnit or HTML. The rest is for tools built on it:
 * the rules and profiles, the probe, the subtitle reader, and the facts' shapes.
 */
export * from './facts/index.js';
export { run, rulesMetaOf, NothingToCheckError, type RunOptions, type RunEvent } from './engine/run.js';
export type { FileEvent } from './engine/pool.js';
export { checkFile, type CheckedFile, type CheckOptions, type FileChecker } from './engine/check-file.js';
export { planChecks, type Plan } from './engine/plan.js';
export { discover, SUBTITLE_EXTENSIONS, VIDEO_EXTENSIONS, type CheckTarget, type Discovery, type FoundFile } from './engine/discover.js';
export { fixSubtitleFile, FixError, serialize, type FixOptions, type FixResult } from './engine/fix-subtitles.js';
export * from './engine/fix/index.js';
export { extractFrameJpeg, type EvidenceOptions } from './engine/evidence.js';
export { defineRule, defineProjectRule, defaultOptionsOf, isProjectRule, type AnyRule, type Need, type OptionSpec, type OptionValue, type ProjectFacts, type Rule, type RuleContext } from './rules/rule.js';
export { rules, rulesById } from './rules/index.js';
export { builtinProfiles } from './profiles/builtin.js';
export type { Profile, ProfileFile, RuleSetting } from './profiles/profile.js';
export { loadProfile, resolveProfile, ProfileError } from './profiles/load-profile.js';
export { probeMedia, MediaError } from './probe/probe-media.js';
export { resolveBinaries, ffmpegPath, ffprobePath, BinaryError, type Binaries } from './probe/binaries.js';
export { buildReport, exitCodeOf, summarize, SCHEMA_VERSION, TOOL_NAME, TOOL_VERSION, type Report, type ReportContext, type Summary } from './report/report.js';
export { formatJson } from './report/json.js';
export { formatJunit } from './report/junit.js';
export { formatNdjson, formatNdjsonEnd, formatNdjsonFile, formatNdjsonProject, formatNdjsonSummary } from './report/ndjson.js';
export { formatText, type TextOptions } from './report/text.js';
export { formatHtml, type HtmlOptions } from './report/html.js';
export { rewrapCues } from './subtitles/rewrap.js';
export { measureLine, judgeLine, stripMarkup, type LineMeasure } from './subtitles/width.js';
export { decodeSubtitleBytes } from './subtitles/encoding.js';
export { parseSubtitles } from './subtitles/parse.js';
