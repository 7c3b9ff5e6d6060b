/**
 * English messages, by id (ICU MessageFormat). The ids are the contract (`messageId` in JSON);
 * zh.ts must have exactly the same ids (its type says so). Number styles beside ICU's: `clock`
 * (m:ss), `bitrate` (1.2 Mbps), `bytes` (1.5 GiB), `khz` (48 kHz). A parameter that is a message is
 * rendered in place; a list of messages is joined with "; "; a list of values reads as a series
 * ("a, b and c"), or as alternatives ("25 or 29.97") when its name begins with `allowed`.
 */
export const en = {
  // Shared by many rules.
  'skip/quick': 'not run in --quick mode (needs decoding)',
  'skip/no-video': 'no video stream',
  'skip/no-audio': 'no audio stream',
  'skip/no-subtitles': 'no subtitles',
  'skip/project-only': 'judged per project (--project), not per file',
  'expected/none': '—',
  'subtitle/file': '{path}',
  'subtitle/stream': 'the subtitle stream {stream} inside the file',

  // A file that cannot be checked: `detail` is what the probe or the decoder said.
  'skipped/unreadable-folder': 'cannot read the folder ({detail})',
  'skipped/dangling-link': 'a symbolic link to nothing',
  'skipped/link-out-of-folder': 'a symbolic link out of the folder being checked (not followed)',
  'skipped/not-a-lesson-type': 'not a lesson video type ({extension}; name the file to check it anyway)',
  'file-error/not-found': 'no such file',
  'file-error/not-a-file': '{detail}',
  'file-error/empty': '{detail}',
  'file-error/unreadable': '{detail}',
  'file-error/not-media': '{detail}',
  'file-error/no-streams': '{detail}',
  'file-error/truncated': '{detail}',
  'file-error/decode-failed': '{detail}',
  'file-error/stalled': '{detail}',
  'file-error/probe-failed': '{detail}',
  'file-error/internal': '{detail}',
  // A file sent to the workers of a queue (`--queue`) that no worker checked.
  'file-error/worker-cannot-see': 'worker {host} cannot see this file at {path}: every worker must see the files at the same path (shared storage)',
  'file-error/worker-versions': 'refused: worker {host} runs {worker}, this run {submitter}; install the same version on every worker, so that verdicts do not depend on the machine',
  'file-error/queue-job-failed': 'no worker could finish this file: {detail}',

  'container.mp4/expected': 'MP4 (ISO BMFF with an MP4 brand)',
  'container.mp4/pass': 'MP4 (brand {brand})',
  'container.mp4/not-mp4':
    'container is {kind, select, isobmff {an ISO BMFF file of brand "{brand}", not MP4} quicktime {a QuickTime movie (.mov), not MP4} matroska {a Matroska/WebM file, not MP4} other {{formatName} data, not MP4}}; re-export or remux as MP4',

  'file.size/expected': '≤ {maxBytes, number} bytes ({maxBytes, number, bytes})',
  'file.size/pass': 'file size {sizeBytes, number} bytes ({sizeBytes, number, bytes})',
  'file.size/too-large':
    'file is {sizeBytes, number} bytes ({sizeBytes, number, bytes}), over the {maxBytes, number, bytes} upload limit by {overBytes, plural, one {# byte} other {# bytes}}: export at a lower bit rate or split the lesson',

  'file.integrity/expected': 'no decoding errors',
  'file.integrity/not-decoded': 'no stream was decoded',
  'file.integrity/pass': '{streams, select, both {video and audio} video {video} other {audio}} decoded without errors',
  'file.integrity/damaged': 'the file is damaged: {streams} (first error: {firstError}); export it again from the original project',
  'file.integrity/stream':
    '{stream, select, video {video} other {audio}}: {errors, plural, one {# decoding error} other {# decoding errors}} in {places, plural, one {# place} other {# places}}, the first at {startS, number, clock}',

  'video.duration/expected': '{minS}–{maxS} s ({minS, number, clock}–{maxS, number, clock})',
  'video.duration/unknown': 'duration unknown',
  'video.duration/pass': 'lesson lasts {durationS, number, clock}',
  'video.duration/too-short': 'lesson lasts {durationS, number, clock}, shorter than the preferred {minS, number, clock}; consider joining it with the next part',
  'video.duration/too-long': 'lesson lasts {durationS, number, clock}, longer than the preferred {maxS, number, clock}; consider splitting it',

  'video.codec/expected': 'H.264',
  'video.codec/no-video': 'no video stream: a lesson needs H.264 pictures',
  'video.codec/pass': 'H.264{profile, select, null {} other { ({profile})}}',
  'video.codec/not-h264': 'video codec is {codec}{profile, select, null {} other { ({profile})}}; re-encode as H.264',

  'video.resolution/expected': 'shorter side ≥ {minShortSidePx} px',
  'video.resolution/pass': 'displayed {width}×{height}{stored}',
  'video.resolution/too-small': 'displayed {width}×{height}{stored}: below {minShortSidePx}p; export at {minShortSidePx}p or more (e.g. 1920×1080)',
  'video.resolution/stored': ' (stored {codedWidth}×{codedHeight}; {notes})',
  'video.resolution/sample-aspect': 'sample aspect ratio {sampleAspectRatio}',
  'video.resolution/rotated': 'rotated {rotationDeg}°',

  'video.aspect/expected': 'landscape 16:9 or 4:3',
  'video.aspect/pass': '{name} landscape, {width}×{height} ({ratio}:1)',
  'video.aspect/not-landscape': 'picture is {shape, select, square {square} other {portrait}}, {width}×{height} ({ratio}:1); courses must be landscape',
  'video.aspect/unusual': 'landscape but not 16:9 or 4:3: {width}×{height} ({ratio}:1); 16:9 (e.g. 1920×1080) is the usual choice',

  'video.frame-rate/expected': '{allowedFps} fps, constant',
  'video.frame-rate/unknown': 'frame rate unknown ({frames} frame timestamps)',
  'video.frame-rate/pass': 'constant {fps, number} fps',
  'video.frame-rate/not-allowed': 'frame rate is {fps, number} fps; must be {allowedFps} fps: set it to {suggestedFps, number} fps when exporting',
  'video.frame-rate/variable':
    'variable frame rate: {irregular} of {frames} frame durations are not whole multiples of the nominal {fps, number} fps (first at {firstAtS, number, clock}); export at a constant frame rate',

  'video.bitrate/expected': '≥ {minBps, number, bitrate}',
  'video.bitrate/unmeasured': 'video bit rate could not be measured',
  'video.bitrate/pass': 'video {bps, number, bitrate}{stated}',
  'video.bitrate/too-low': 'video bit rate {bps, number, bitrate}{stated} is below {minBps, number, bitrate}: export at {minBps, number, bitrate} or more',
  'video.bitrate/stated': ' (container states {statedBps, number, bitrate})',

  'video.stability/expected': 'no dropped, duplicated, out-of-order or frozen frames',
  'video.stability/pass': '{frames, number} frames, evenly timed{frozenChecked, select, true {, none frozen inside motion} other { (frozen frames not checked: pictures not decoded)}}',
  'video.stability/unsteady': '{problems}',
  'video.stability/dropped': '{count, plural, one {# dropped frame} other {# dropped frames}} in timestamp gaps (first at {firstAtS, number, clock})',
  'video.stability/duplicate': '{count, plural, one {# frame shares} other {# frames share}} a timestamp with another (first at {firstAtS, number, clock})',
  'video.stability/out-of-order': '{count, plural, one {# frame} other {# frames}} out of decode order (first at {firstAtS, number, clock})',
  'video.stability/frozen':
    '{count, plural, one {# frozen frame} other {# frozen frames}} inside motion, a picture repeated while the scene moves (first at {firstAtS, number, clock})',

  'video.shake/expected': 'shake ≤ {maxPercent}% of the picture width (RMS) in every {windowS} s window',
  'video.shake/pass':
    '{windows, plural, =0 {shake not measured: in no {windowS} s window do most frame pairs show one scene moving as a whole (only parts of the picture move, or it is plain)} other {steady: shake at most {worstPercent}% of the picture width (RMS) in any {windowS} s window}}',
  'video.shake/shaky':
    'the camera shakes: {worstPercent}% of the picture width (RMS) at {worstAtS, number, clock}, {count, plural, one {# passage} other {# passages}} of {durationS} s in all; shoot on a tripod or stabiliser, or stabilise the footage in the editor',

  'video.flash/expected': 'no frame ≥ {minDelta} levels from both neighbours that agree within {maxNeighbourDelta}',
  'video.flash/pass': 'no flash frames in {frames, number} frames',
  'video.flash/flashes':
    '{count, plural, one {# flash or glitch} other {# flashes or glitches}}, the first at {firstAtS, number, clock} ({firstFrames, plural, one {# {firstBrighter, select, true {bright} other {dark}} frame} other {# {firstBrighter, select, true {bright} other {dark}} frames}}, {firstDeltaLevels} levels): cut or replace the frame at the edit point',

  'video.color-cast/expected': 'neutrals within {maxCast} levels of neutral; shot-to-shot change ≤ {maxJump}',
  'video.color-cast/nothing-neutral': 'nothing near-neutral to judge white balance on ({shots, plural, one {# shot} other {# shots}})',
  'video.color-cast/pass': 'white balance neutral within {maxLevels} levels in {judged, plural, one {# shot} other {# shots}}',
  'video.color-cast/findings': '{count, plural, one {# white-balance finding} other {# white-balance findings}}, first: {first}',
  'video.color-cast/programme':
    'the whole programme leans towards {direction, select, blue {blue} magenta {magenta} red {red} yellow {yellow} green {green} other {blue/green (cyan)}} ({levels} levels); correct the white balance',
  'video.color-cast/shot':
    'colour cast towards {direction, select, blue {blue} magenta {magenta} red {red} yellow {yellow} green {green} other {blue/green (cyan)}} ({levels} levels) in the shot {startS, number, clock}–{endS, number, clock}; correct its white balance',
  'video.color-cast/jump': 'colour changes by {levels} levels at the cut at {atS, number, clock} (shots do not match, e.g. two cameras); match their white balance',

  'video.black/expected': 'no black ≥ {minDurationS} s in the programme body',
  'video.black/pass': 'no black segments in the programme body',
  'video.black/found':
    '{count, plural, one {# black segment} other {# black segments}} in the programme, the first at {firstStartS, number, clock}–{firstEndS, number, clock} ({firstDurationS} s): cut the black or fill it with picture',

  'audio.present/expected': '≥ 1 audio stream',
  'audio.present/none': 'no audio stream: the lesson is silent',
  'audio.present/pass': '{count, plural, one {# audio stream} other {# audio streams}}',

  'audio.codec/expected': 'AAC',
  'audio.codec/pass': 'AAC{profile, select, null {} other { ({profile})}}',
  'audio.codec/not-aac': 'audio codec is {codec}{profile, select, null {} other { ({profile})}}; re-encode as AAC',

  'audio.sample-rate/expected': '{requiredHz, number, khz}',
  'audio.sample-rate/pass': '{sampleRateHz, number, khz}',
  'audio.sample-rate/wrong': 'audio sampled at {sampleRateHz, number, khz}; must be {requiredHz, number, khz}: set the sample rate to {requiredHz, number, khz} when exporting',

  'audio.bitrate/expected': '≥ {minBps, number, bitrate} (notice: ≥ {noticeBps, number, bitrate})',
  'audio.bitrate/unmeasured': 'audio bit rate could not be measured',
  'audio.bitrate/pass': 'audio {bps, number, bitrate}',
  'audio.bitrate/too-low': 'audio bit rate {bps, number, bitrate} is below the practical floor of {minBps, number, bitrate}: export the audio at {minBps, number, bitrate} or more',
  'audio.bitrate/under-notice':
    "audio {bps, number, bitrate} is under the notice's {noticeBps, number, bitrate}, the rate of uncompressed CD audio{aac, select, true {; AAC-LC carries at most {ceilingBps, number, bitrate} here (6144 bits per channel per 1024-sample frame)} other {}}",

  'audio.channels/expected': '{required, plural, one {# channel} other {# channels}}',
  'audio.channels/pass': '{channels, plural, one {# channel} other {# channels}}{layout, select, null {} other { ({layout})}}',
  'audio.channels/wrong':
    'audio has {channels, plural, one {# channel} other {# channels}}{layout, select, null {} other { ({layout})}}; must be {required, plural, =2 {2 (stereo)} other {#}}',

  'audio.channel-balance/expected': '|left − right| ≤ {maxDifferenceDb} dB over speech, neither channel silent',
  'audio.channel-balance/mono': 'mono: audio.channels already judges it',
  'audio.channel-balance/no-speech': 'no speech found to compare the channels over',
  'audio.channel-balance/silent':
    'the {silent, select, both {left and right} left {left} other {right}} channel is silent (left {leftDbfs, select, null {silent} other {{leftDbfs} dBFS}}, right {rightDbfs, select, null {silent} other {{rightDbfs} dBFS}}): mix the narration to both channels',
  'audio.channel-balance/unbalanced':
    'the {quieter, select, left {left} other {right}} channel is {differenceDb} dB quieter (left {leftDbfs} dBFS, right {rightDbfs} dBFS): mix the narration to both channels',
  'audio.channel-balance/pass': 'balanced within {differenceDb} dB (left {leftDbfs} dBFS, right {rightDbfs} dBFS)',

  'audio.snr/expected': '> {minSnrDb} dB',
  'audio.snr/digital-silence':
    'the pauses are pure digital silence ({silentPercent}% of frames, gated or edited audio): there is no noise floor in them to measure, and the noise under the speech cannot be measured blind{snrDb, select, null {} other {; over the rest, speech {speechDbfs} dBFS against a floor of {noiseDbfs} dBFS ({snrDb} dB)}}',
  'audio.snr/undecided': 'speech and noise could not be told apart: no pauses, one level throughout',
  'audio.snr/pass': 'SNR {snrDb} dB (speech {speechDbfs} dBFS, noise floor {noiseDbfs} dBFS)',
  'audio.snr/noisy':
    'SNR {snrDb} dB is not above {minSnrDb} dB (speech {speechDbfs} dBFS, noise floor {noiseDbfs} dBFS): background noise is audible in the pauses; record in a quieter place or reduce the noise',

  'audio.voice-balance/expected': 'narration ≥ {minDifferenceLu} LU above the bed in the pauses',
  'audio.voice-balance/pass':
    'the narration ({speechLufs} LUFS) stands {differenceLu} LU above the music or sound under it ({bedLufs} LUFS in {pauseS} s of pauses)',
  'audio.voice-balance/bed-too-loud':
    'the music or sound under the narration is too loud: the narration ({speechLufs} LUFS) is only {differenceLu} LU above it ({bedLufs} LUFS in {pauseS} s of pauses), not {minDifferenceLu} LU; turn the background music or location sound down under the voice',
  'audio.voice-balance/silent': 'nothing under the narration: the pauses are silent',
  'audio.voice-balance/steady':
    'nothing but a steady floor under the narration ({bedLufs} LUFS, varying {spreadDb} dB in {pauseS} s of pauses): its level is audio.snr’s matter',
  'audio.voice-balance/no-pauses': 'no pause between utterances to hear the bed alone in (the programme reads {speechLufs, select, null {silence} other {{speechLufs} LUFS}}): the balance could not be measured',

  'audio.bandwidth/expected': 'energy above 4 kHz no more than {maxBelowDb} dB under the 300 Hz–4 kHz band',
  'audio.bandwidth/pass': 'full-band narration: above 4 kHz, {belowDb} dB under the 300 Hz–4 kHz band over {speechS} s of speech',
  'audio.bandwidth/narrow':
    'the narration sounds muffled or like a telephone: above 4 kHz it is {belowDb} dB under the 300 Hz–4 kHz band (over {speechS} s of speech), more than {maxBelowDb} dB; record with a full-range microphone and export without a low-pass or heavy compression',
  'audio.bandwidth/no-speech': 'no speech found to measure the bandwidth on',

  'audio.hum/expected': 'no mains tone in ≥ {minPercent}% of pauses',
  'audio.hum/none': 'no mains tone in any of {pauses} pause windows',
  'audio.hum/hum':
    '{mainsHz} Hz mains hum (strongest at {frequencyHz} Hz, {levelDbfs} dBFS, {prominenceDb} dB above its surroundings) in {pausesWithHum} of {pauses} pauses: check the microphone cable and earthing, or filter the hum out',
  'audio.hum/little':
    'a mains tone in only {pausesWithHum} of {pauses} pauses: {mainsHz} Hz mains hum (strongest at {frequencyHz} Hz, {levelDbfs} dBFS, {prominenceDb} dB above its surroundings)',

  'audio.clipping/expected': 'no clipped runs, peak ≤ 0 dBFS',
  'audio.clipping/pass': 'no clipping (peak {peakDbfs, select, null {silence} other {{peakDbfs} dBFS}})',
  'audio.clipping/clipped':
    'distortion: {clippedRuns, plural, =0 {} one {# clipped run} other {# clipped runs}}{both, select, true { and } other {}}{overshootSamples, plural, =0 {} one {# sample above full scale (peak +{peakDbfs} dBFS)} other {# samples above full scale (peak +{peakDbfs} dBFS)}} in {places, plural, one {# place} other {# places}}; lower the recording or mixing level',

  'audio.loudness/expected': 'LRA ≤ {maxRangeLu} LU, 10 s medians within ±{maxDeviationLu} LU',
  'audio.loudness/too-quiet': 'too quiet to measure loudness (below −70 LUFS throughout)',
  'audio.loudness/pass': 'steady loudness (integrated {integratedLufs} LUFS, range {rangeLu} LU)',
  'audio.loudness/unsteady': 'volume goes up and down: {problems} (integrated {integratedLufs} LUFS, range {rangeLu} LU); even out the levels when mixing',
  'audio.loudness/range': 'loudness range {rangeLu} LU',
  'audio.loudness/swing': '{louder, select, true {louder} other {quieter}} by {deviationLu} LU at {startS, number, clock}–{endS, number, clock}',

  'av.sync/expected': '−{maxEarlyMs} ms ≤ offset ≤ +{maxLateMs} ms (positive = audio late)',
  'av.sync/needs-both': 'needs both a video and an audio stream',
  'av.sync/offset': '{direction, select, step {in step} late {{absMs} ms late} other {{absMs} ms early}}',
  'av.sync/pass': 'audio {start} at the start{end, select, null {} other {, {end} at the end}}',
  'av.sync/out-of-sync':
    'audio {start} at the start{end, select, null {} other {, {end} at the end}}: outside EBU R37 ({maxEarlyMs} ms early to {maxLateMs} ms late); line the sound up with the picture and export again',

  'intro-outro/chapter': 'chapter "{title}" {startS}–{endS} s',
  'intro-outro/shared-opening': 'the same opening {durationS} s as {sharedWith}',
  'intro-outro/shared-closing': 'the same closing {durationS} s as {sharedWith}',
  'intro-outro/black': 'black {startS}–{endS} s with {sound}',
  'intro-outro/cut': 'cut at {atS} s with {sound}',
  'intro-outro/silence': 'silence from {fromS} s',
  'intro-outro/sound-change': 'the sound changing by {changeDb} dB',
  'intro-outro/no-audio': 'no audio',

  'intro.duration/expected': '≤ {maxS} s',
  'intro.duration/not-detected': 'intro not detected: no chapter marker, and no black gap or cut with a silence or change of sound in the first {searchS} s',
  'intro.duration/pass': 'intro {durationS} s ({evidence})',
  'intro.duration/too-long': 'intro lasts {durationS} s, over {maxS} s ({evidence}); shorten it',

  'outro.duration/expected': '≤ {maxS} s',
  'outro.duration/not-detected': 'outro not detected: no chapter marker, and no black gap or cut with a silence or change of sound in the last {searchS} s',
  'outro.duration/pass': 'outro {durationS} s ({evidence})',
  'outro.duration/too-long': 'outro lasts {durationS} s, over {maxS} s ({evidence}); shorten it',

  'subtitle.present/expected': '≥ 1 subtitle track with cues',
  'subtitle.present/alone': 'a subtitle file checked on its own',
  'subtitle.present/none': 'no subtitles: put LESSON.srt (or LESSON.zh.srt, LESSON.vtt) beside the video, or add a subtitle stream',
  'subtitle.present/unreadable': '{path}: {detail}',
  'subtitle.present/no-cues': '{track}: no cues could be read',
  'subtitle.present/unusable': '{unusable, plural, one {# subtitle track} other {# subtitle tracks}} unusable, {usable} usable',
  'subtitle.present/pass': '{count, plural, one {# subtitle track} other {# subtitle tracks}}: {tracks}',

  'subtitle.encoding/expected': 'UTF-8',
  'subtitle.encoding/pass': 'UTF-8{bom, select, true { (with a byte-order mark, which is fine)} other {}}',
  'subtitle.encoding/not-utf8-summary': '{bad} of {total} subtitle file(s) not UTF-8 ({encodings})',
  'subtitle.encoding/not-utf8':
    '{track} is {encodingName, select, null {an unknown encoding} other {{encodingName}}}{bom, select, true { with a BOM} other {}}, not UTF-8: save it as UTF-8 (or run courseware-check fix-subtitles)',

  'subtitle.language/expected': '≥ {minPercent}% {language, select, zh {Chinese (Han)} other {English (Latin)}} letters',
  'subtitle.language/no-letters': '{track} has no letters to judge',
  'subtitle.language/pass': '{percent}% {language, select, zh {Chinese (Han)} other {English (Latin)}}',
  'subtitle.language/wrong-language':
    '{track} is mostly {script, select, Han {Chinese} Latin {English} Cyrillic {Cyrillic (Russian and others)} Greek {Greek} other {another script ({script})}} ({otherPercent}% of letters) on a {language, select, zh {Chinese} other {English}} course',
  'subtitle.language/some-pass': '{passing} of {total} subtitle tracks in {language, select, zh {Chinese (Han)} other {English (Latin)}}',
  'subtitle.language/none-pass': 'no subtitle track in {language, select, zh {Chinese (Han)} other {English (Latin)}}',

  'subtitle.line-length/expected': 'Chinese ≤ {chineseMaxWidth}, mixed ≤ {mixedMaxWidth} (whole sentence), Latin ≤ {latinMaxChars} characters',
  'subtitle.line-length/limit':
    '{kind, select, chinese {Chinese line ≤ {maxWidth}} latin {Latin line ≤ {maxChars} characters} other {mixed line ≤ {maxWidth} as a whole sentence, else ≤ {chineseMaxWidth}}}',
  'subtitle.line-length/pass': '{lines, plural, one {# line} other {# lines}}, widest {widest}',
  'subtitle.line-length/too-long-lines': '{problems} (of {lines})',
  'subtitle.line-length/count-too-long': '{count, plural, one {# line} other {# lines}} too long',
  'subtitle.line-length/count-not-sentence':
    '{count, plural, one {# mixed line} other {# mixed lines}} of width {fromWidth}–{toWidth} that {count, plural, one {is} other {are}} not one whole sentence',
  'subtitle.line-length/line':
    'cue {cue} (line {lineNumber}): {kind, select, chinese {Chinese line of width {width}} mixed {mixed line of width {width}} other {{script, select, Cyrillic {Cyrillic} Greek {Greek} Latin {Latin} other {alphabetic}} line of {chars} characters}}{notSentence, select, true { and not one whole sentence} other {}}; {limit}: break or shorten it',

  'subtitle.timing/expected': 'well-formed cues, in order, not overlapping, inside the video',
  'subtitle.timing/pass': '{cues} cues, well formed and in order',
  'subtitle.timing/problems': '{total, plural, one {# timing problem} other {# timing problems}} in {cues} cues',
  'subtitle.timing/malformed': 'line {lineNumber}: {problem}',
  'subtitle.timing/ends-early': 'cue {cue} (line {lineNumber}, {startS, number, clock}): ends {zero, select, true {when it starts} other {before it starts}}',
  'subtitle.timing/out-of-order': 'cue {cue} (line {lineNumber}, {startS, number, clock}): starts before cue {previousCue} (out of order)',
  'subtitle.timing/overlap': 'cue {cue} (line {lineNumber}, {startS, number, clock}): overlaps cue {previousCue} by {overlapMs} ms',
  'subtitle.timing/after-end': 'cue {cue} (line {lineNumber}, {startS, number, clock}): ends at {endS, number, clock}, after the video ends ({videoEndS, number, clock})',

  // Project rules (`--project`): judged once per project folder, on its lessons.
  'project.hours/expected': '≥ {minHours} class hours of {lessonHourMin} min ({requiredS, number, clock} in all)',
  'project.hours/pass':
    '{lessons, plural, one {# lesson} other {# lessons}}, {totalS, number, clock} in all: {classHours} class hours of {lessonHourMin} min{unmeasured, plural, =0 {} one {; # lesson of unknown duration not counted} other {; # lessons of unknown duration not counted}}',
  'project.hours/too-short':
    '{lessons, plural, one {# lesson} other {# lessons}}, {totalS, number, clock} in all: {classHours} class hours of {lessonHourMin} min, under the {minHours} a project should hold ({missingS, number, clock} short){unmeasured, plural, =0 {} one {; # lesson of unknown duration not counted} other {; # lessons of unknown duration not counted}}; add lessons, or check that the folder holds the whole project',

  'project.resolution-match/expected': 'every lesson at the same resolution',
  'project.resolution-match/too-few': 'fewer than two lessons with a picture to compare',
  'project.resolution-match/pass': 'all {lessons} lessons at {resolution}',
  'project.resolution-match/differs':
    '{odd, plural, one {# lesson differs} other {# lessons differ}} from the {resolution} of {common, plural, one {# other} other {# others}}: {lessons}; export every lesson at {resolution}',
  'project.resolution-match/lesson': '{path} ({resolution})',

  'project.frame-rate-match/expected': 'every lesson at the same frame rate',
  'project.frame-rate-match/too-few': 'fewer than two lessons with a picture to compare',
  'project.frame-rate-match/pass': 'all {lessons} lessons at {fps} fps',
  'project.frame-rate-match/differs':
    '{odd, plural, one {# lesson differs} other {# lessons differ}} from the {fps} fps of {common, plural, one {# other} other {# others}}: {lessons}; export every lesson at {fps} fps',
  'project.frame-rate-match/lesson': '{path} ({fps} fps)',

  'project.loudness-match/expected': 'integrated loudness of every lesson within {maxSpreadLu} LU',
  'project.loudness-match/too-few': 'fewer than two lessons with sound to compare',
  'project.loudness-match/pass': '{spreadLu, plural, =0 {all {lessons} lessons at {minLufs} LUFS} other {all {lessons} lessons within {spreadLu} LU ({minLufs} to {maxLufs} LUFS)}}',
  'project.loudness-match/differs':
    '{odd, plural, one {# lesson is} other {# lessons are}} outside the {maxSpreadLu} LU that {common, plural, one {# other shares} other {# others share}} (around {referenceLufs} LUFS): {lessons}; bring {odd, plural, one {it} other {them}} to the loudness of the others',
  'project.loudness-match/lesson': '{path} ({lufs} LUFS, {differenceLu} LU {louder, select, true {louder} other {quieter}})',

  // The paths given hold nothing to check (engine/run.ts): the command is wrong, exit code 2.
  'run/nothing-to-check': 'nothing to check in {paths}',
  'run/nothing-to-check-skipped': 'nothing to check in {paths}; {skipped}',
  'run/skipped-path': '{path}: {reason}',
  'run/cache-rebuilt': 'the result cache in {folder} was damaged: it was moved to {path} and a new one started',
  'run/cache-unavailable': 'the result cache in {folder} cannot be used ({detail}): every file is checked',

  // The command line's own words (packages/cli): help, usage errors, progress, notes on standard error.
  'cli/usage': '$0 [PATH ...] [options]\n\nChecks lesson videos (and their subtitles) against the technical standard for online training courses.',
  'cli/command-check': 'check video files, subtitle files or folders (default: the bundled sample-media/)',
  'cli/option-version': 'print the version and exit (with --verbose: the ffmpeg and ffprobe it runs too)',
  'cli/option-paths': 'files, folders, globs (expanded by the tool), or - to read paths from standard input',
  'cli/option-profile': 'web | archive | a JSON/YAML profile file',
  'cli/option-language': 'the course language, for the subtitle rules',
  'cli/option-locale': 'the language of the messages you read',
  'cli/option-locale-default': 'from LC_ALL, LC_MESSAGES or LANG',
  'cli/option-quick': 'metadata only: no decoding; decoding rules report skip',
  'cli/option-format': 'report format (ndjson: one line per file as it finishes, then a summary line)',
  'cli/option-output': 'write the report to this file instead of standard output',
  'cli/option-jobs': 'files checked at once',
  'cli/option-quiet': 'text format: only files that fail or could not be checked, with their failing rules (no warnings)',
  'cli/option-max-warnings': 'exit 1 when more than N warnings: rules not met at warning severity, counted once per rule and file, across all files',
  'cli/option-verbose': 'text format: list each passing rule',
  'cli/option-color': 'colour the text report (default: on a terminal; NO_COLOR turns colours off, FORCE_COLOR on)',
  'cli/option-evidence': 'write a JPEG of the picture at each timed video finding into this folder',
  'cli/option-stall-timeout': 'stop ffmpeg/ffprobe on a file after this many seconds without progress (the file is an error)',
  'cli/option-cache': 'take the verdicts of unchanged files from the result cache, and keep new ones there (--no-cache: check every file again)',
  'cli/option-cache-dir': 'the folder of the result cache (default: the user cache folder, or COURSEWARE_CHECK_CACHE_DIR)',
  'cli/option-hash': 'with --quick: give each file its SHA-256 too (a full check always does; reads every byte)',
  'cli/option-project':
    'each folder given is a training project: its lessons (the videos under it) are also judged together (project.hours: ≥ 40 class hours of 45 min; the same resolution, frame rate and loudness)',
  'cli/example-folder': 'check every lesson under lessons/ (folders are walked)',
  'cli/example-glob': 'the tool expands quoted globs (on Windows too); metadata only',
  'cli/example-stdin': 'paths from standard input, one a line',
  'cli/example-junit': 'a JUnit report for CI',
  'cli/example-ndjson': 'one JSON object a line, as each file finishes',
  'cli/example-quiet': 'show only failures; exit 1 on any warning too',
  'cli/example-project': 'two training projects: each folder\'s lessons judged together too',
  'cli/epilog':
    'Exit codes:\n  0    no file failed or could not be checked (warnings allowed, up to --max-warnings)\n  1    a file failed or could not be checked, or more warnings than --max-warnings\n  2    the command itself is invalid (unknown option, bad value or profile, an output that\n       cannot be written, nothing to check), found before any file is checked\n  130  stopped by Ctrl-C (143: by SIGTERM); the files that finished are reported\n\nEnvironment:\n  NO_COLOR                      no colours, whatever else asks\n  FORCE_COLOR                   colours even off a terminal (0 or false: none)\n  LC_ALL, LC_MESSAGES, LANG     the default --locale (the first set: zh… gives zh, else en)\n  FFMPEG_PATH, FFPROBE_PATH     other ffmpeg and ffprobe binaries than the pinned ones\n  COURSEWARE_CHECK_CACHE_DIR    the folder of the result cache (--cache-dir wins)',
  'cli/command-fix-subtitles': 'write UTF-8 copies of subtitle files (never over or beside the originals) and re-check them',
  'cli/option-files': '.srt or .vtt files',
  'cli/option-fix-output': 'folder for the fixed copies',
  'cli/option-rewrap': 're-break over-long lines; split a cue in time where two lines cannot hold it',
  // yargs' own words (its y18n strings, replaced by these): `%s` is where yargs puts a name or a number.
  'cli/yargs-commands': 'Commands:',
  'cli/yargs-options': 'Options:',
  'cli/yargs-examples': 'Examples:',
  'cli/yargs-positionals': 'Positionals:',
  'cli/yargs-boolean': 'boolean',
  'cli/yargs-count': 'count',
  'cli/yargs-string': 'string',
  'cli/yargs-number': 'number',
  'cli/yargs-array': 'array',
  'cli/yargs-required': 'required',
  'cli/yargs-default': 'default',
  'cli/yargs-default-colon': 'default:',
  'cli/yargs-choices': 'choices:',
  'cli/yargs-aliases': 'aliases:',
  'cli/yargs-command': 'command',
  'cli/yargs-show-help': 'Show help',
  'cli/yargs-did-you-mean': 'Did you mean %s?',
  'cli/yargs-invalid-values': 'Invalid values:',
  'cli/yargs-argument-choices': 'Argument: %s, Given: %s, Choices: %s',
  'cli/yargs-not-enough-following': 'Not enough arguments following: %s',
  'cli/yargs-unknown-argument': '{count, plural, one {Unknown argument: %s} other {Unknown arguments: %s}}',
  'cli/yargs-unknown-command': '{count, plural, one {Unknown command: %s} other {Unknown commands: %s}}',
  'cli/yargs-missing-value': '{count, plural, one {Missing argument value: %s} other {Missing argument values: %s}}',
  'cli/yargs-missing-required': '{count, plural, one {Missing required argument: %s} other {Missing required arguments: %s}}',
  'cli/yargs-not-enough-positionals': 'Not enough non-option arguments: got %s, need at least %s',
  'cli/yargs-too-many-positionals': 'Too many non-option arguments: got %s, maximum of %s',
  // Usage errors: `courseware-check: …` on standard error, exit code 2.
  'cli/yargs-error': '{text}',
  'cli/profile-error': '{detail}',
  'cli/invalid-command': 'invalid command line',
  'cli/jobs-invalid': '--jobs must be a whole number ≥ 1, not {value}',
  'cli/stall-timeout-invalid': '--stall-timeout must be a number of seconds > 0, not {value}',
  'cli/option-queue': 'send the files to the workers of this Redis (redis://HOST:PORT/DB) instead of checking them here; the report is the same',
  'cli/queue-url-invalid': '--queue must be a Redis URL such as redis://HOST:6379/0, not {value}',
  'cli/queue-unreachable': 'cannot reach Redis at {value} ({detail}): is redis-server running there, and is the address right?',
  'cli/command-worker': 'check the files of a queue (--queue redis://…) for the runs that send them, until Ctrl-C',
  'cli/option-worker-queue': 'the Redis the runs send their files to (redis://HOST:PORT/DB)',
  'cli/option-worker-jobs': 'files checked at once on this machine',
  'cli/example-worker': 'one worker per machine; the files must be at the same path on every machine',
  'cli/worker-needs-queue': 'worker needs --queue redis://HOST:PORT/DB',
  // `text`: this machine's host name; `value`: the queue's URL.
  'cli/worker-serving': 'worker on {text}: checking files from {value}, {count} at once (Ctrl-C stops it)',
  'cli/worker-stopping': '{signal}: finishing the files in hand, then stopping',
  'cli/max-warnings-invalid': '--max-warnings must be a whole number ≥ 0, not {value}',
  'cli/stdin-twice': '"-" (paths from standard input) can be given once',
  'cli/no-paths': 'name the lesson files or folders to check, e.g. `courseware-check lessons/` (see --help)',
  'cli/stdin-empty': 'nothing to check: standard input ("-") held no paths',
  'cli/stdin-prompt': 'reading paths from standard input, one a line (end with Ctrl-D, or Ctrl-Z Enter on Windows)',
  'cli/output-folder-missing': 'cannot write the report to {path}: the folder {folder} does not exist',
  'cli/output-is-folder': 'cannot write the report to {path}: it is a folder',
  'cli/evidence-is-file': '--evidence {path} is a file, not a folder',
  'cli/evidence-cannot-make': 'cannot make the evidence folder {path} ({detail})',
  'cli/fix-subtitles-no-files': 'fix-subtitles needs at least one .srt or .vtt file',
  'cli/fix-subtitles-not-subtitles': 'fix-subtitles takes .srt and .vtt files only, not {files} (to fix a lesson, use fix)',
  // `fix`: its help and usage errors (fix-arguments.ts, run-fix.ts).
  'cli/fix-command': 'make failing lessons conform: check, re-encode only what fails (the rest is copied), check the result',
  'cli/fix-option-paths': 'lesson files or folders',
  'cli/fix-option-output': 'folder for the fixed lessons (required; never the folder of an original)',
  'cli/fix-option-plan': 'print the plan and the exact ffmpeg command lines; run nothing',
  'cli/fix-option-only': 'fix only these rules (comma-separated ids)',
  'cli/fix-option-trim-intro': 'cut an over-long intro (its start) or outro (its end) down to the limit',
  'cli/fix-option-split': 'cut a lesson over 15 minutes into 5–15 minute parts at natural boundaries',
  'cli/fix-option-denoise': 'reduce broadband noise (audio.snr); it can colour the voice',
  'cli/fix-option-upscale': 'scale a picture under 720 lines up (--no-upscale: report it instead)',
  'cli/fix-option-stall-timeout': 'stop ffmpeg after this many seconds without progress',
  'cli/fix-option-cache': 'take the check before from the result cache when the lesson is unchanged (--no-cache: check again)',
  'cli/fix-example-remux': 'remux, re-encode what fails, check the result',
  'cli/fix-example-plan': 'print what would be done, with the exact ffmpeg command lines',
  'cli/fix-example-split': 'cut an over-long intro, split into 5–15 minute parts',
  'cli/fix-example-only': 'fix these rules only',
  'cli/fix-epilog':
    'Exit codes:\n  0    every output passes the rules that were fixed (or --plan)\n  1    a fixed rule still fails, or a fix failed\n  2    the command itself is invalid\n  130  stopped by Ctrl-C (143: SIGTERM); no half-written lesson is left',
  'cli/fix-no-paths': 'fix needs at least one lesson file or folder',
  'cli/fix-needs-output': 'fix needs --output DIR: the folder for the fixed lessons',
  'cli/fix-only-empty': '--only needs rule ids, e.g. --only av.sync,audio.loudness',
  // `value`: the ids given, each quoted.
  'cli/fix-only-unknown': '--only names no rule {value} (see docs/rules.md)',
  // After a check, on standard error.
  'cli/report-written': '{format} report written to {path}',
  'cli/interrupted': 'interrupted ({signal}) after {done} of {total} file(s)',
  'cli/too-many-warnings': '{count} warning(s), more than --max-warnings {max} (warning-severity rules not met, once per rule and file)',
  // The text report: a file printed again once its folder is judged.
  'cli/revised': '(revised: judged again with the other lessons of its folder)',
  // The progress line on a terminal: `[3/16] 1m05s, ~2m10s left · 04.mp4 45%`.
  'cli/progress-elapsed': '{elapsed}',
  'cli/progress-elapsed-left': '{elapsed}, ~{remaining} left',
  'cli/duration-seconds': '{s}s',
  'cli/duration-minutes': '{m}m{s}s',
  'cli/duration-hours': '{h}h{m}m',
  // fix-subtitles, on standard output.
  'cli/fix-subtitles-file': '{passes, select, true {FIXED} other {WRITTEN}}  {file} → {output} ({encoding} → UTF-8, {cues}{dropped})',
  'cli/fix-subtitles-cues': '{cuesIn} cues',
  'cli/fix-subtitles-cues-changed': '{cuesIn} cues → {cuesOut}',
  'cli/fix-subtitles-dropped': ', {count} unreadable line(s) left out',
  'cli/fix-subtitles-rechecked': 're-checked: subtitle.encoding and subtitle.line-length pass',
  'cli/fix-subtitles-error': 'ERROR  {detail}',
} satisfies Record<string, string>;

export type MessageId = keyof typeof en;
