import { formatBitrate, formatBytes, formatClock, trim } from '../../facts/units.js';

/**
 * Every sentence the fixer says, by id, in English and Chinese: what a plan will do, why a rule
 * cannot be fixed, what a user must ask for, warnings. The plan and the report carry `{ messageId,
 * params }` (the shape of the findings' messages), never only prose, so the ids can be joined to the
 * message catalogue (`messages/`): the texts use its ICU MessageFormat subset — `{name}`, and
 * `{name, number, bitrate|bytes|clock|khz}` — and no other syntax.
 */

export type FixLocale = 'en' | 'zh';

/** A message by id with its parameters (the same shape as a finding's `messageId` + `params`). */
export interface FixWords {
  messageId: FixWordId;
  params?: FixParams;
}
export type FixParams = Record<string, string | number | boolean | null | (string | number)[]>;

const en = {
  // What will be done.
  'fix/do/remux': 'remux into MP4: every stream copied as it is, the index moved to the front',
  'fix/do/video-codec': 're-encode the picture ({codec}) as H.264 High at {rateBps, number, bitrate}',
  'fix/do/frame-rate': 'convert the frame rate from {fromFps} to a constant {toFps} fps (frames repeated or dropped, never blended)',
  'fix/do/frame-rate-speed':
    'play the lesson {percent}% faster, so that its {fromFps} fps become {toFps} fps with every frame kept (as film is sped up for PAL), the sound at its own pitch: {fromS, number, clock} becomes {toS, number, clock}',
  'fix/do/upscale': 'scale the picture up from {fromWidth}×{fromHeight} to {toWidth}×{toHeight} (lanczos)',
  'fix/do/video-bitrate': 're-encode the picture at a constant {rateBps, number, bitrate}: the floor is {floorBps, number, bitrate}',
  'fix/do/file-size': 're-encode at {rateBps, number, bitrate} so that the file fits under {maxBytes, number, bytes} (about {estimatedBytes, number, bytes})',
  'fix/do/audio-codec': 're-encode the sound ({codec}) as AAC-LC at {rateBps, number, bitrate}',
  'fix/do/sample-rate': 'resample the sound from {fromHz, number, khz} to 48 kHz',
  'fix/do/mono': 'put the mono sound on both channels',
  'fix/do/downmix': 'mix the {channels} channels down to stereo',
  'fix/do/balance-copy': 'the {silent} channel is silent: copy the {live} channel, which carries the narration, to both',
  'fix/do/balance-mix': 'mix both channels into each: the {quieter} channel is {differenceDb} dB quieter',
  'fix/do/audio-bitrate': 're-encode the sound as AAC at {rateBps, number, bitrate}, left and right coded in full (it was {fromBps, number, bitrate})',
  'fix/do/loudness':
    'even out the level (dynaudnorm), then normalise to {targetLufs} LUFS integrated, range ≤ {targetLra} LU, true peak ≤ {targetTp} dBTP (EBU R128 loudnorm, two passes)',
  'fix/do/sync-earlier': 'move the sound {ms} ms earlier',
  'fix/do/sync-later': 'move the sound {ms} ms later',
  'fix/do/sync-pad': 'pad the end of the sound with {ms} ms of silence, to the end of the picture',
  'fix/do/hum': 'notch out the {mainsHz} Hz mains hum and its harmonics ({frequencies} Hz)',
  'fix/do/denoise': 'reduce the broadband noise by up to {reductionDb} dB (afftdn, noise floor {floorDbfs} dBFS)',
  'fix/do/trim-intro': 'cut the first {cutS} s of the {introS} s intro, leaving {leftS} s',
  'fix/do/trim-outro': 'cut the last {cutS} s of the {outroS} s outro, leaving {leftS} s',
  'fix/do/split': 'split the {durationS, number, clock} lesson into {parts} parts at natural boundaries ({cuts})',
  'fix/do/split-pending': 'split the {durationS, number, clock} lesson into parts of {minS, number, clock} to {maxS, number, clock} at natural boundaries (black, silence, slide changes), found by a pass over it',
  'fix/do/subtitle-utf8': 'write the subtitles as UTF-8 (they are {encoding})',
  'fix/do/subtitle-rewrap': 're-break the over-long subtitle lines',
  'fix/do/subtitle-retime': 'shift the subtitles with the cut',
  'fix/do/mp4-output': 'written as MP4 in any case',

  // Steps of a plan.
  'fix/step/encode': 'write {output}',
  'fix/step/encode-part': 'write part {part}: {output}',
  'fix/step/measure-loudness': 'measure the loudness (loudnorm, first pass)',
  'fix/step/find-boundaries': 'find the natural boundaries (black, silence, slide changes)',

  // Why a rule cannot be fixed.
  'fix/cannot/clipping': 'clipped sound cannot be restored: what was above full scale is lost; re-export from the unclipped recording',
  'fix/cannot/flash': 'a flash or glitch frame is part of the edit: re-edit at the cut',
  'fix/cannot/color-cast': 'white balance needs grading by eye, shot by shot',
  'fix/cannot/black': 'black in the programme body is an editing decision: remove or fill it in the edit',
  'fix/cannot/aspect': 'another aspect ratio means cropping or padding the picture: re-export in 16:9 or 4:3',
  'fix/cannot/stability': 'dropped, duplicated or out-of-order frames come from the recording or the export: re-export from the source',
  'fix/cannot/integrity': 'damaged data cannot be recovered: copy or export the file again',
  'fix/cannot/shake': 'camera shake needs stabilising by eye in the editor (or a tripod when shooting again)',
  'fix/cannot/voice-balance': 'the balance of narration and music is set in the mix: lower the music under the narration and export again',
  'fix/cannot/bandwidth': 'what a telephone-band or over-compressed recording lost above 4 kHz cannot be restored: export again from the original recording',
  'fix/cannot/no-upscale': 'the profile does not allow upscaling: re-export at 720p or more',
  'fix/cannot/no-video': 'there is no picture to fix',
  'fix/cannot/no-audio': 'there is no sound to fix: add the narration in the edit',
  'fix/cannot/aac-ceiling': 'AAC cannot reach 1.4 Mbps (its ceiling is 576 kbps for stereo): nothing to fix above the practical floor',
  'fix/cannot/too-short': 'a lesson shorter than {minS, number, clock} cannot be lengthened: join it with the next part',
  'fix/cannot/intro-not-detected': 'no intro was found, so there is nothing to shorten',
  'fix/cannot/outro-not-detected': 'no outro was found, so there is nothing to shorten',
  'fix/cannot/subtitle-missing': 'there are no subtitles to fix: write them',
  'fix/cannot/subtitle-language': 'subtitles in the wrong language must be translated',
  'fix/cannot/subtitle-timing': 'subtitle timing is not changed automatically: correct the cues',
  'fix/cannot/size': 'even at the bit-rate floor ({floorBps, number, bitrate}) the lesson needs about {estimatedBytes, number, bytes}: split it (--split)',
  'fix/cannot/drift': 'the sound drifts ({startMs} ms at the start, {endMs} ms at the end): one shift cannot put both ends in step',
  'fix/cannot/unknown-offset': 'the offset between sound and picture is not known',
  'fix/cannot/no-automatic-fix': 'no automatic fix for this rule',
  'fix/cannot/file-error': 'the file could not be checked: {detail}',

  // A fix the user must ask for.
  'fix/needs/trim-intro': 'use --trim-intro to cut the intro to {maxS} s',
  'fix/needs/trim-outro': 'use --trim-intro to cut the outro to {maxS} s',
  'fix/needs/split': 'use --split to cut the lesson into parts of 5 to 15 minutes',
  'fix/needs/denoise': 'use --denoise to reduce the noise (it can colour the voice)',
  'fix/not-asked': 'not asked for (--only)',

  // Warnings.
  'fix/warn/repeats-frames': 'going from {fromFps} to {toFps} fps repeats frames at a steady cadence: a moving picture will judder (video.stability may fail); a re-export at the target rate from the source is better',
  'fix/warn/upscale-no-detail': 'upscaling adds no detail: the lesson will pass, but look as soft as before; re-export at 720p or more where the source allows',
  'fix/warn/cut-reencodes': 'cutting re-encodes the picture and the sound: copied streams cannot be cut frame-exactly',
  'fix/warn/no-natural-boundary': 'no natural boundary fits the part lengths: cut at {atS, number, clock}',
  'fix/warn/pending': 'values written <…> are measured when the fix runs',
  'fix/warn/bitmap-subtitles': 'the picture-based subtitle stream {stream} cannot go into MP4 and is left out',
  'fix/warn/hum-and-snr': 'hum counts as noise: removing it may bring the SNR above the limit',

  // Outcomes.
  'fix/outcome/fixed': 'fixed: every fixed rule passes',
  'fix/outcome/not-fixed': 'not fixed: {rules} still fail',
  'fix/outcome/regressed': 'the fix made {rules} fail, which passed before',
  'fix/outcome/nothing-to-fix': 'nothing to fix',
  'fix/outcome/cannot-fix': 'cannot be fixed automatically',
  'fix/outcome/planned': 'planned (nothing run)',
  'fix/outcome/failed': 'the fix failed: {detail}',
  'fix/outcome/interrupted': 'stopped before it finished: nothing written',
  'fix/error/output-beside-original': '{path}: the fixed lesson would go beside or over the original; choose another --output folder',
  'fix/error/same-output': '{path} and {other} would both be written as {output}',
} as const;

export type FixWordId = keyof typeof en;

const zh: Record<FixWordId, string> = {
  'fix/do/remux': '重新封装为MP4：各路流原样复制，索引移到文件开头',
  'fix/do/video-codec': '将画面（{codec}）重新编码为H.264 High，码率{rateBps, number, bitrate}',
  'fix/do/frame-rate': '将帧率由{fromFps}转为恒定{toFps} fps（重复或丢弃整帧，不混合帧）',
  'fix/do/frame-rate-speed': '将课程加快{percent}%播放，使{fromFps} fps变为{toFps} fps且保留每一帧（如同胶片转PAL制），声音音调不变：时长由{fromS, number, clock}变为{toS, number, clock}',
  'fix/do/upscale': '将画面由{fromWidth}×{fromHeight}放大到{toWidth}×{toHeight}（lanczos）',
  'fix/do/video-bitrate': '以恒定码率{rateBps, number, bitrate}重新编码画面：下限为{floorBps, number, bitrate}',
  'fix/do/file-size': '以{rateBps, number, bitrate}重新编码，使文件小于{maxBytes, number, bytes}（约{estimatedBytes, number, bytes}）',
  'fix/do/audio-codec': '将声音（{codec}）重新编码为AAC-LC，码率{rateBps, number, bitrate}',
  'fix/do/sample-rate': '将声音由{fromHz, number, khz}重采样为48 kHz',
  'fix/do/mono': '将单声道声音放到左右两个声道',
  'fix/do/downmix': '将{channels}个声道缩混为立体声',
  'fix/do/balance-copy': '{silent}声道无声：将承载解说的{live}声道复制到两个声道',
  'fix/do/balance-mix': '将两个声道混合后送入每个声道：{quieter}声道低{differenceDb} dB',
  'fix/do/audio-bitrate': '将声音重新编码为AAC，码率{rateBps, number, bitrate}，左右声道各自完整编码（原为{fromBps, number, bitrate}）',
  'fix/do/loudness': '先平衡音量起伏（dynaudnorm），再归一化到综合响度{targetLufs} LUFS、响度范围≤{targetLra} LU、真峰值≤{targetTp} dBTP（EBU R128 loudnorm，两遍）',
  'fix/do/sync-earlier': '将声音提前{ms}毫秒',
  'fix/do/sync-later': '将声音推后{ms}毫秒',
  'fix/do/sync-pad': '在声音结尾补{ms}毫秒静音，与画面同时结束',
  'fix/do/hum': '陷波滤除{mainsHz} Hz交流声及其谐波（{frequencies} Hz）',
  'fix/do/denoise': '降低宽带噪声，最多{reductionDb} dB（afftdn，噪声底{floorDbfs} dBFS）',
  'fix/do/trim-intro': '剪去{introS}秒片头的前{cutS}秒，保留{leftS}秒',
  'fix/do/trim-outro': '剪去{outroS}秒片尾的后{cutS}秒，保留{leftS}秒',
  'fix/do/split': '在自然分界处将{durationS, number, clock}的课程分为{parts}段（{cuts}）',
  'fix/do/split-pending': '在自然分界处（黑场、静音、换片）将{durationS, number, clock}的课程分为{minS, number, clock}至{maxS, number, clock}的若干段，分界由一遍扫描找出',
  'fix/do/subtitle-utf8': '将字幕写为UTF-8（原为{encoding}）',
  'fix/do/subtitle-rewrap': '将过长的字幕行重新断行',
  'fix/do/subtitle-retime': '字幕随剪切平移',
  'fix/do/mp4-output': '输出总是MP4',

  'fix/step/encode': '写出{output}',
  'fix/step/encode-part': '写出第{part}段：{output}',
  'fix/step/measure-loudness': '测量响度（loudnorm第一遍）',
  'fix/step/find-boundaries': '查找自然分界（黑场、静音、换片）',

  'fix/cannot/clipping': '削波的声音无法恢复：超出满刻度的部分已丢失；请从未削波的录音重新导出',
  'fix/cannot/flash': '闪帧或跳帧是剪辑的一部分：请在剪辑点重新剪辑',
  'fix/cannot/color-cast': '白平衡需要逐个镜头人工调色',
  'fix/cannot/black': '正片中的黑场属于剪辑取舍：请在剪辑中删去或补上画面',
  'fix/cannot/aspect': '改变画面比例需要裁切或加边：请以16:9或4:3重新导出',
  'fix/cannot/stability': '丢帧、重复帧或乱序帧来自录制或导出：请从源文件重新导出',
  'fix/cannot/integrity': '损坏的数据无法恢复：请重新复制或导出文件',
  'fix/cannot/shake': '画面抖动需要在剪辑软件中人工稳定（或重拍时使用三脚架）',
  'fix/cannot/voice-balance': '解说与音乐的比例在混音时决定：请在解说下压低音乐后重新导出',
  'fix/cannot/bandwidth': '电话频带或过度压缩的录音在 4 kHz 以上丢失的部分无法恢复：请从原始录音重新导出',
  'fix/cannot/no-upscale': '配置不允许放大画面：请以720p或以上重新导出',
  'fix/cannot/no-video': '没有可修复的画面',
  'fix/cannot/no-audio': '没有可修复的声音：请在剪辑中加入解说',
  'fix/cannot/aac-ceiling': 'AAC达不到1.4 Mbps（立体声上限为576 kbps）：实用下限以上无需修复',
  'fix/cannot/too-short': '短于{minS, number, clock}的课程无法加长：请与下一段合并',
  'fix/cannot/intro-not-detected': '未找到片头，无从缩短',
  'fix/cannot/outro-not-detected': '未找到片尾，无从缩短',
  'fix/cannot/subtitle-missing': '没有可修复的字幕：请制作字幕',
  'fix/cannot/subtitle-language': '字幕语言不对，需要翻译',
  'fix/cannot/subtitle-timing': '字幕时间不会自动更改：请修正字幕条目',
  'fix/cannot/size': '即使按码率下限（{floorBps, number, bitrate}）编码，课程仍约需{estimatedBytes, number, bytes}：请分段（--split）',
  'fix/cannot/drift': '声音逐渐偏移（开头{startMs}毫秒，结尾{endMs}毫秒）：一次平移无法使两端同时同步',
  'fix/cannot/unknown-offset': '声画偏移量未知',
  'fix/cannot/no-automatic-fix': '此规则没有自动修复',
  'fix/cannot/file-error': '无法检查该文件：{detail}',

  'fix/needs/trim-intro': '使用 --trim-intro 将片头剪到{maxS}秒',
  'fix/needs/trim-outro': '使用 --trim-intro 将片尾剪到{maxS}秒',
  'fix/needs/split': '使用 --split 将课程分为5至15分钟的若干段',
  'fix/needs/denoise': '使用 --denoise 降低噪声（可能改变音色）',
  'fix/not-asked': '未要求修复（--only）',

  'fix/warn/repeats-frames': '由{fromFps} fps转为{toFps} fps会按固定节奏重复帧：运动画面会出现顿挫（video.stability可能不通过）；最好从源素材按目标帧率重新导出',
  'fix/warn/upscale-no-detail': '放大画面不会增加细节：课程能通过检查，但画面依旧模糊；源素材允许时请以720p或以上重新导出',
  'fix/warn/cut-reencodes': '剪切需要重新编码画面和声音：原样复制的流无法逐帧精确剪切',
  'fix/warn/no-natural-boundary': '没有符合分段长度的自然分界：在{atS, number, clock}处剪切',
  'fix/warn/pending': '写作<…>的数值在修复运行时测得',
  'fix/warn/bitmap-subtitles': '图形字幕流{stream}无法放入MP4，将被略去',
  'fix/warn/hum-and-snr': '交流声也算噪声：滤除后信噪比可能达标',

  'fix/outcome/fixed': '已修复：所有修复的规则均通过',
  'fix/outcome/not-fixed': '未修复：{rules}仍不通过',
  'fix/outcome/regressed': '修复使原本通过的{rules}不再通过',
  'fix/outcome/nothing-to-fix': '无需修复',
  'fix/outcome/cannot-fix': '无法自动修复',
  'fix/outcome/planned': '已计划（未运行）',
  'fix/outcome/failed': '修复失败：{detail}',
  'fix/outcome/interrupted': '未完成即停止：未写出任何文件',
  'fix/error/output-beside-original': '{path}：修复后的课程会写在原文件旁边或覆盖原文件；请另选 --output 文件夹',
  'fix/error/same-output': '{path}和{other}都会写为{output}',
};

/** The fixer's catalogue, for the lead to join to `messages/`. */
export const fixCatalogues: Record<FixLocale, Record<FixWordId, string>> = { en, zh };

export function words(messageId: FixWordId, params?: FixParams): FixWords {
  return params ? { messageId, params } : { messageId };
}

const STYLES: Record<string, (value: number) => string> = {
  bitrate: formatBitrate,
  bytes: formatBytes,
  clock: formatClock,
  khz: (hz) => `${trim(hz / 1000, 3)} kHz`,
};

/** Renders the subset of ICU MessageFormat the texts use; an unknown id shows the id and its parameters. */
export function say(w: FixWords, locale: FixLocale = 'en'): string {
  const source = (fixCatalogues[locale] as Record<string, string>)[w.messageId];
  if (source === undefined) return `${w.messageId} ${JSON.stringify(w.params ?? {})}`;
  const params = w.params ?? {};
  return source.replace(/\{(\w+)(?:, number(?:, (\w+))?)?\}/g, (_whole, name: string, style: string | undefined) => {
    const value = params[name];
    if (value === undefined || value === null) return `{${name}}`;
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'number' ? formatNumber(v) : v)).join(locale === 'zh' ? '、' : ', ');
    if (typeof value === 'number') return style && STYLES[style] ? STYLES[style]!(value) : formatNumber(value);
    return String(value);
  });
}

function formatNumber(value: number): string {
  return trim(value, 3);
}
