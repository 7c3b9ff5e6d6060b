import type { MessageId } from './en.js';

/**
 * 中文消息（ICU MessageFormat），写给课程制作人员：哪里不对、在哪里、怎么改。与 en.ts 的 id 完全相同
 * （类型保证）；数字样式见 en.ts。
 */
export const zh: Record<MessageId, string> = {
  'skip/quick': '快速模式（--quick）不解码画面和声音，此项未检查',
  'skip/no-video': '没有视频画面，此项不适用',
  'skip/no-audio': '没有音轨，此项不适用',
  'skip/no-subtitles': '没有字幕，此项不适用',
  'skip/project-only': '按项目（--project）判断，不针对单个文件',
  'expected/none': '—',
  'subtitle/file': '字幕文件 {path}',
  'subtitle/stream': '视频内的第 {stream} 号字幕流',

  'skipped/unreadable-folder': '无法读取这个文件夹（{detail}）：请检查权限',
  'skipped/dangling-link': '符号链接指向的文件不存在',
  'skipped/link-out-of-folder': '符号链接指向被检查文件夹之外，未跟随',
  'skipped/not-a-lesson-type': '不是课程视频格式（{extension}），未检查；如需检查，请直接指定这个文件',
  'file-error/not-found': '找不到这个文件：请检查文件名和位置',
  'file-error/not-a-file': '这不是一个普通文件（可能是文件夹或设备），无法检查',
  'file-error/empty': '文件是空的（0 字节）：请重新导出或重新拷贝',
  'file-error/unreadable': '无法读取这个文件（没有读取权限或磁盘出错）：请检查文件权限后再试。详情：{detail}',
  'file-error/not-media': '这不是可以读取的视频文件：请确认文件没有损坏，并导出为 MP4。详情：{detail}',
  'file-error/no-streams': '文件里既没有画面也没有声音：请重新导出',
  'file-error/truncated': '文件不完整，后面一部分缺失（导出没有完成或拷贝中断）：请重新导出或重新拷贝完整的文件。详情：{detail}',
  'file-error/decode-failed': '画面或声音无法解码，文件可能已损坏：请用原始工程重新导出。详情：{detail}',
  'file-error/stalled': '读取这个文件时长时间没有进展，已停止（文件可能损坏，或所在磁盘太慢）。详情：{detail}',
  'file-error/probe-failed': '无法读取文件的技术参数：请确认文件没有损坏。详情：{detail}',
  'file-error/internal': '检查程序内部出错，请把这条信息反馈给开发者：{detail}',
  'file-error/worker-cannot-see': '工作机 {host} 在 {path} 找不到这个文件：每台工作机都须在相同路径下看到这些文件（共享存储）',
  'file-error/worker-versions': '已拒绝：工作机 {host} 运行的是 {worker}，本次检查是 {submitter}；请在每台工作机上安装相同版本，使结论不因机器而不同',
  'file-error/queue-job-failed': '没有工作机能完成这个文件的检查：{detail}',

  'container.mp4/expected': 'MP4 封装格式',
  'container.mp4/pass': '封装格式为 MP4（{brand}）',
  'container.mp4/not-mp4':
    '封装格式不是 MP4，而是{kind, select, isobmff {品牌为“{brand}”的 ISO 媒体文件} quicktime { QuickTime 影片（.mov）} matroska { Matroska/WebM 文件} other {“{formatName}”格式}}：请在导出时选择 MP4 格式，或用转封装工具转成 MP4',

  'file.size/expected': '不超过 {maxBytes, number, bytes}（{maxBytes, number} 字节）',
  'file.size/pass': '文件大小 {sizeBytes, number, bytes}（{sizeBytes, number} 字节）',
  'file.size/too-large':
    '文件大小 {sizeBytes, number, bytes}（{sizeBytes, number} 字节），超过单个文件的上传上限 {maxBytes, number, bytes}，多出 {overBytes, number} 字节：请降低码率重新导出，或把课程拆成几段',

  'file.integrity/expected': '解码无错误',
  'file.integrity/not-decoded': '没有解码任何画面或声音，此项未检查',
  'file.integrity/pass': '{streams, select, both {画面和声音} video {画面} other {声音}}解码无错误',
  'file.integrity/damaged': '文件已损坏：{streams}（第一个错误：{firstError}）。请用原始工程重新导出',
  'file.integrity/stream': '{stream, select, video {画面} other {声音}}有 {errors, number} 个解码错误，分布在 {places} 处，第一处在 {startS, number, clock}',

  'video.duration/expected': '{minS, number, clock}–{maxS, number, clock}（{minS}–{maxS} 秒）',
  'video.duration/unknown': '无法得知视频时长',
  'video.duration/pass': '时长 {durationS, number, clock}',
  'video.duration/too-short': '时长 {durationS, number, clock}，短于建议的 {minS, number, clock}（每段视频以 {minS, number, clock}–{maxS, number, clock} 为佳）：可以与相邻的内容合并成一段',
  'video.duration/too-long': '时长 {durationS, number, clock}，长于建议的 {maxS, number, clock}（每段视频以 {minS, number, clock}–{maxS, number, clock} 为佳）：建议拆分成几段',

  'video.codec/expected': 'H.264 编码',
  'video.codec/no-video': '文件里没有视频画面：课程视频须有 H.264 编码的画面',
  'video.codec/pass': 'H.264 编码{profile, select, null {} other {（{profile}）}}',
  'video.codec/not-h264': '视频编码为 {codec}{profile, select, null {} other {（{profile}）}}，不是 H.264：导出时视频编码选择 H.264',

  'video.resolution/expected': '短边不少于 {minShortSidePx} 像素（{minShortSidePx}P 及以上）',
  'video.resolution/pass': '画面尺寸 {width}×{height}{stored}',
  'video.resolution/too-small': '画面尺寸 {width}×{height}{stored}，低于 {minShortSidePx}P：请以 {minShortSidePx}P 或更高的分辨率（如 1920×1080）重新导出',
  'video.resolution/stored': '（文件中存储为 {codedWidth}×{codedHeight}；{notes}）',
  'video.resolution/sample-aspect': '像素宽高比 {sampleAspectRatio}',
  'video.resolution/rotated': '旋转 {rotationDeg}°',

  'video.aspect/expected': '16:9 或 4:3 横屏',
  'video.aspect/pass': '{name} 横屏，{width}×{height}',
  'video.aspect/not-landscape': '画面是{shape, select, square {正方形} other {竖屏}}（{width}×{height}）：课程须为横屏，请按 16:9 或 4:3 横屏重新制作',
  'video.aspect/unusual': '横屏，但宽高比 {ratio}:1（{width}×{height}）不是常规的 16:9 或 4:3：建议导出为 16:9（如 1920×1080）',

  'video.frame-rate/expected': '{allowedFps} fps，恒定帧率',
  'video.frame-rate/unknown': '测不出帧率（只有 {frames} 个帧时间戳）：文件可能只有一帧或已损坏',
  'video.frame-rate/pass': '帧率 {fps, number} fps，恒定',
  'video.frame-rate/not-allowed': '帧率为 {fps, number} fps，须为 {allowedFps} fps：导出时把帧率设为 {suggestedFps, number}',
  'video.frame-rate/variable':
    '帧率不恒定：{frames} 帧中有 {irregular} 帧的时长不是 {fps, number} fps 的整数倍，第一处在 {firstAtS, number, clock}：导出时选择恒定帧率（CFR）',

  'video.bitrate/expected': '不低于 {minBps, number, bitrate}',
  'video.bitrate/unmeasured': '测不出视频码率',
  'video.bitrate/pass': '视频码率 {bps, number, bitrate}{stated}',
  'video.bitrate/too-low': '视频码率 {bps, number, bitrate}{stated}，低于 {minBps, number, bitrate}：导出时把视频码率设为 {minBps, number, bitrate} 以上',
  'video.bitrate/stated': '（文件标称 {statedBps, number, bitrate}）',

  'video.stability/expected': '没有丢帧、重复帧、乱序帧或定格帧',
  'video.stability/pass': '共 {frames, number} 帧，时间均匀{frozenChecked, select, true {，运动画面中没有定格帧} other {（未解码画面，没有检查定格帧）}}',
  'video.stability/unsteady': '画面不连贯：{problems}。请用原始素材以恒定帧率重新导出；录屏时关掉其他占用电脑的程序',
  'video.stability/dropped': '丢了 {count} 帧（第一处在 {firstAtS, number, clock}）',
  'video.stability/duplicate': '{count} 帧与别的帧时间戳相同（第一处在 {firstAtS, number, clock}）',
  'video.stability/out-of-order': '{count} 帧顺序错乱（第一处在 {firstAtS, number, clock}）',
  'video.stability/frozen': '运动画面中有 {count} 帧定格，画面会卡一下（第一处在 {firstAtS, number, clock}）',

  'video.shake/expected': '每 {windowS} 秒内画面抖动（均方根）不超过画面宽度的 {maxPercent}%',
  'video.shake/pass':
    '{windows, plural, =0 {未测量抖动：没有哪个 {windowS} 秒内多数相邻帧是同一画面的整体移动（只有局部在动，或画面是纯色）} other {画面稳定：任意 {windowS} 秒内抖动不超过画面宽度的 {worstPercent}%（均方根）}}',
  'video.shake/shaky':
    '画面抖动：{worstAtS, number, clock} 处抖动达画面宽度的 {worstPercent}%（均方根），共 {count} 段、{durationS} 秒；请用三脚架或稳定器拍摄，或在剪辑软件中做防抖处理',

  'video.flash/expected': '没有闪帧：没有与前后两帧都相差 {minDelta} 级以上、而前后两帧相差不超过 {maxNeighbourDelta} 级的画面',
  'video.flash/pass': '{frames, number} 帧中没有闪帧',
  'video.flash/flashes':
    '有 {count} 处闪帧或画面跳变，第一处在 {firstAtS, number, clock}（{firstFrames} 帧画面突然{firstBrighter, select, true {变亮} other {变暗}}，与前后相差 {firstDeltaLevels} 级）：在剪辑软件里删除或替换这一帧',

  'video.color-cast/expected': '白色和灰色部分偏色不超过 {maxCast} 级；相邻镜头之间颜色变化不超过 {maxJump} 级',
  'video.color-cast/nothing-neutral': '画面里几乎没有白色或灰色的地方，无法判断白平衡（{shots} 个镜头）',
  'video.color-cast/pass': '白平衡正常：{judged} 个镜头中白色和灰色部分的偏色都在 {maxLevels} 级以内',
  'video.color-cast/findings': '白平衡问题 {count} 处，第一处：{first}',
  'video.color-cast/programme':
    '整片画面偏{direction, select, blue {蓝} magenta {品红} red {红} yellow {黄} green {绿} other {青}}（{levels} 级）：请在调色时校正白平衡',
  'video.color-cast/shot':
    '{startS, number, clock}–{endS, number, clock} 这个镜头偏{direction, select, blue {蓝} magenta {品红} red {红} yellow {黄} green {绿} other {青}}（{levels} 级），白色和灰色的地方带了颜色：请校正这个镜头的白平衡',
  'video.color-cast/jump': '{atS, number, clock} 处镜头切换前后颜色相差 {levels} 级（例如两台摄像机颜色不一致）：请把前后镜头的白平衡调一致',

  'video.black/expected': '正片中没有 {minDurationS} 秒及以上的黑场',
  'video.black/pass': '正片中没有黑场',
  'video.black/found':
    '正片中有 {count} 段黑场，第一段在 {firstStartS, number, clock}–{firstEndS, number, clock}（{firstDurationS} 秒）：请剪掉黑场或补上画面',

  'audio.present/expected': '至少 1 条音轨',
  'audio.present/none': '没有音轨，课程没有声音：导出时请带上音频',
  'audio.present/pass': '{count} 条音轨',

  'audio.codec/expected': 'AAC 编码',
  'audio.codec/pass': 'AAC 编码{profile, select, null {} other {（{profile}）}}',
  'audio.codec/not-aac': '音频编码为 {codec}{profile, select, null {} other {（{profile}）}}，不是 AAC：导出时音频编码选择 AAC',

  'audio.sample-rate/expected': '{requiredHz, number, khz}',
  'audio.sample-rate/pass': '采样率 {sampleRateHz, number, khz}',
  'audio.sample-rate/wrong': '音频采样率为 {sampleRateHz, number, khz}，须为 {requiredHz, number, khz}：导出时把采样率设为 {requiredHz, number, khz}',

  'audio.bitrate/expected': '不低于 {minBps, number, bitrate}（通知原文：不低于 {noticeBps, number, bitrate}）',
  'audio.bitrate/unmeasured': '测不出音频码率',
  'audio.bitrate/pass': '音频码率 {bps, number, bitrate}',
  'audio.bitrate/too-low': '音频码率 {bps, number, bitrate}，低于实际可用的下限 {minBps, number, bitrate}：导出时把音频码率设为 {minBps, number, bitrate} 以上',
  'audio.bitrate/under-notice':
    '音频码率 {bps, number, bitrate}，低于通知写的 {noticeBps, number, bitrate}。{noticeBps, number, bitrate} 是未压缩 CD 音频的码率{aac, select, true {，AAC 编码在这里最多只能达到 {ceilingBps, number, bitrate}（每声道每 1024 个采样最多 6144 比特）} other {}}，按字面无法达到，仅作提示',

  'audio.channels/expected': '{required, plural, =1 {单声道} =2 {双声道} other {# 个声道}}',
  'audio.channels/pass': '{channels, plural, =1 {单声道} =2 {双声道} other {# 个声道}}{layout, select, null {} other {（{layout}）}}',
  'audio.channels/wrong':
    '音频为{channels, plural, =1 {单声道} =2 {双声道} other {# 个声道}}{layout, select, null {} other {（{layout}）}}，须为{required, plural, =1 {单声道} =2 {双声道（立体声）} other {# 个声道}}：导出时把声道设为{required, plural, =1 {单声道} =2 {立体声} other {# 个声道}}',

  'audio.channel-balance/expected': '说话时左右声道相差不超过 {maxDifferenceDb} dB，两个声道都有声音',
  'audio.channel-balance/mono': '单声道：由“声道”一项（audio.channels）检查',
  'audio.channel-balance/no-speech': '没有找到说话的声音，无法比较左右声道',
  'audio.channel-balance/silent':
    '{silent, select, both {左右声道都} left {左声道} other {右声道}}没有声音（左 {leftDbfs, select, null {无声} other {{leftDbfs} dBFS}}，右 {rightDbfs, select, null {无声} other {{rightDbfs} dBFS}}）：混音时把解说声放到两个声道',
  'audio.channel-balance/unbalanced':
    '{quieter, select, left {左声道} other {右声道}}比另一边轻 {differenceDb} dB（左 {leftDbfs} dBFS，右 {rightDbfs} dBFS）：混音时让解说声在两个声道一样响',
  'audio.channel-balance/pass': '左右声道平衡，相差 {differenceDb} dB（左 {leftDbfs} dBFS，右 {rightDbfs} dBFS）',

  'audio.snr/expected': '大于 {minSnrDb} dB',
  'audio.snr/digital-silence':
    '停顿处是完全的数字静音（占 {silentPercent}% 的时间，音频做过门限或剪辑处理）：停顿里没有底噪可测，说话时的噪声也无法盲测{snrDb, select, null {} other {；其余部分语音 {speechDbfs} dBFS，底噪 {noiseDbfs} dBFS（信噪比 {snrDb} dB）}}。请试听确认说话时没有明显噪声',
  'audio.snr/undecided': '分不出语音和噪声：没有停顿，音量始终一样',
  'audio.snr/pass': '信噪比 {snrDb} dB（语音 {speechDbfs} dBFS，底噪 {noiseDbfs} dBFS）',
  'audio.snr/noisy':
    '信噪比 {snrDb} dB，须大于 {minSnrDb} dB（语音 {speechDbfs} dBFS，底噪 {noiseDbfs} dBFS）：停顿时能听到背景噪声。请在安静的地方重新录音，或做降噪处理',

  'audio.voice-balance/expected': '停顿时的背景声比解说声低至少 {minDifferenceLu} LU',
  'audio.voice-balance/pass': '解说声（{speechLufs} LUFS）比下面的音乐或现场声（停顿 {pauseS} 秒中为 {bedLufs} LUFS）高 {differenceLu} LU',
  'audio.voice-balance/bed-too-loud':
    '背景音乐或现场声太响：解说声（{speechLufs} LUFS）只比它（停顿 {pauseS} 秒中为 {bedLufs} LUFS）高 {differenceLu} LU，须高 {minDifferenceLu} LU。请在解说时把背景音乐或现场声压低',
  'audio.voice-balance/silent': '解说下面没有别的声音：停顿是静音',
  'audio.voice-balance/steady': '解说下面只有稳定的底噪（{bedLufs} LUFS，停顿 {pauseS} 秒中起伏 {spreadDb} dB），由信噪比一项判断',
  'audio.voice-balance/no-pauses': '解说之间没有停顿，听不到单独的背景声（节目响度 {speechLufs, select, null {无声} other {{speechLufs} LUFS}}），无法判断比例',

  'audio.bandwidth/expected': '4 kHz 以上的能量比 300 Hz–4 kHz 低不超过 {maxBelowDb} dB',
  'audio.bandwidth/pass': '解说频带完整：4 kHz 以上比 300 Hz–4 kHz 低 {belowDb} dB（{speechS} 秒语音）',
  'audio.bandwidth/narrow':
    '解说声发闷、像电话音：4 kHz 以上比 300 Hz–4 kHz 低 {belowDb} dB（{speechS} 秒语音），超过 {maxBelowDb} dB。请用全频带话筒录音，导出时不要低通滤波或过度压缩',
  'audio.bandwidth/no-speech': '没有找到可以测量频带的语音',

  'audio.hum/expected': '出现交流声的停顿少于 {minPercent}%',
  'audio.hum/none': '{pauses} 个停顿片段中都没有交流声',
  'audio.hum/hum':
    '有 {mainsHz} Hz 交流声（电源干扰的嗡嗡声）：{pauses} 个停顿中有 {pausesWithHum} 个能听到，最强在 {frequencyHz} Hz，{levelDbfs} dBFS，比旁边的频率高 {prominenceDb} dB。请检查话筒线和接地，或用滤波去掉',
  'audio.hum/little':
    '只有 {pauses} 个停顿中的 {pausesWithHum} 个有 {mainsHz} Hz 交流声（最强在 {frequencyHz} Hz，{levelDbfs} dBFS，比旁边高 {prominenceDb} dB），不算明显',

  'audio.clipping/expected': '没有削波，峰值不超过 0 dBFS',
  'audio.clipping/pass': '没有削波失真（峰值 {peakDbfs, select, null {静音} other {{peakDbfs} dBFS}}）',
  'audio.clipping/clipped':
    '声音削波失真：{clippedRuns, plural, =0 {} other {# 处削顶}}{both, select, true {，} other {}}{overshootSamples, plural, =0 {} other {# 个采样超过满刻度（峰值 +{peakDbfs} dBFS）}}，共 {places} 个位置：录音或混音时把音量调低一些',

  'audio.loudness/expected': '响度范围不超过 {maxRangeLu} LU，任意 10 秒的响度与整体相差不超过 ±{maxDeviationLu} LU',
  'audio.loudness/too-quiet': '声音太小，测不出响度（始终低于 −70 LUFS）：请检查录音音量',
  'audio.loudness/pass': '音量平稳（整体响度 {integratedLufs} LUFS，响度范围 {rangeLu} LU）',
  'audio.loudness/unsteady': '音量忽大忽小：{problems}（整体响度 {integratedLufs} LUFS，响度范围 {rangeLu} LU）。请在混音时把音量调平稳（例如做响度标准化）',
  'audio.loudness/range': '响度范围 {rangeLu} LU',
  'audio.loudness/swing': '{startS, number, clock}–{endS, number, clock} 偏{louder, select, true {响} other {轻}} {deviationLu} LU',

  'av.sync/expected': '声音比画面早不超过 {maxEarlyMs} 毫秒、晚不超过 {maxLateMs} 毫秒',
  'av.sync/needs-both': '需要同时有画面和声音，此项不适用',
  'av.sync/offset': '{direction, select, step {声画同步} late {声音晚 {absMs} 毫秒} other {声音早 {absMs} 毫秒}}',
  'av.sync/pass': '开头{start}{end, select, null {} other {，结尾{end}}}',
  'av.sync/out-of-sync':
    '声音和画面不同步：开头{start}{end, select, null {} other {，结尾{end}}}，超出允许范围（声音最多早 {maxEarlyMs} 毫秒、晚 {maxLateMs} 毫秒）：请在剪辑软件里对齐声音和画面后重新导出',

  'intro-outro/chapter': '章节“{title}”，{startS}–{endS} 秒',
  'intro-outro/shared-opening': '与 {sharedWith} 开头的 {durationS} 秒相同',
  'intro-outro/shared-closing': '与 {sharedWith} 结尾的 {durationS} 秒相同',
  'intro-outro/black': '{startS}–{endS} 秒黑场，同时{sound}',
  'intro-outro/cut': '{atS} 秒处画面切换，同时{sound}',
  'intro-outro/silence': '从 {fromS} 秒起静音',
  'intro-outro/sound-change': '声音变化 {changeDb} dB',
  'intro-outro/no-audio': '没有声音',

  'intro.duration/expected': '不超过 {maxS} 秒',
  'intro.duration/not-detected':
    '没有找到片头在哪里结束：文件里没有“片头”章节标记，前 {searchS} 秒内也没有伴随静音或声音变化的黑场或画面切换。请自己确认片头不超过规定长度',
  'intro.duration/pass': '片头 {durationS} 秒（{evidence}）',
  'intro.duration/too-long': '片头长 {durationS} 秒，超过 {maxS} 秒（{evidence}）：请把片头剪到 {maxS} 秒以内',

  'outro.duration/expected': '不超过 {maxS} 秒',
  'outro.duration/not-detected':
    '没有找到片尾从哪里开始：文件里没有“片尾”章节标记，最后 {searchS} 秒内也没有伴随静音或声音变化的黑场或画面切换。请自己确认片尾不超过规定长度',
  'outro.duration/pass': '片尾 {durationS} 秒（{evidence}）',
  'outro.duration/too-long': '片尾长 {durationS} 秒，超过 {maxS} 秒（{evidence}）：请把片尾剪到 {maxS} 秒以内',

  'subtitle.present/expected': '至少 1 个有内容的字幕',
  'subtitle.present/alone': '单独检查的字幕文件',
  'subtitle.present/none': '没有字幕：请把与视频同名的字幕文件（如 第1课.srt、第1课.zh.srt 或 第1课.vtt）放在视频旁边，或在视频里加入字幕流',
  'subtitle.present/unreadable': '字幕文件 {path} 无法读取：{detail}',
  'subtitle.present/no-cues': '{track} 里读不到任何一条字幕：请检查它是不是 SRT 或 WebVTT 格式',
  'subtitle.present/unusable': '{unusable} 个字幕无法使用，{usable} 个可用',
  'subtitle.present/pass': '{count} 个字幕：{tracks}',

  'subtitle.encoding/expected': 'UTF-8 编码',
  'subtitle.encoding/pass': 'UTF-8 编码{bom, select, true {（带 BOM 字节序标记，没有问题）} other {}}',
  'subtitle.encoding/not-utf8-summary': '{total} 个字幕文件中有 {bad} 个不是 UTF-8 编码（{encodings}）',
  'subtitle.encoding/not-utf8':
    '{track} 的编码是{encodingName, select, null {未知编码} other { {encodingName}}}{bom, select, true {（带 BOM）} other {}}，不是 UTF-8：请用文本编辑器“另存为 UTF-8”，或运行 courseware-check fix-subtitles 自动转换',

  'subtitle.language/expected': '至少 {minPercent}% 的文字是{language, select, zh {汉字} other {英文字母}}',
  'subtitle.language/no-letters': '{track} 里没有文字，无法判断语言',
  'subtitle.language/pass': '{percent}% 是{language, select, zh {汉字} other {英文字母}}',
  'subtitle.language/wrong-language':
    '{track} 主要是{script, select, Han {中文} Latin {英文} Cyrillic {西里尔字母（俄文等）} Greek {希腊字母} other {其他文字（{script}）}}（占文字的 {otherPercent}%），而这是{language, select, zh {中文} other {英文}}课程：请换成{language, select, zh {中文} other {英文}}字幕',
  'subtitle.language/some-pass': '{total} 个字幕中有 {passing} 个是{language, select, zh {中文} other {英文}}字幕',
  'subtitle.language/none-pass': '没有{language, select, zh {中文} other {英文}}字幕：{language, select, zh {中文课程须配中文字幕} other {英文课程须配英文字幕}}',

  'subtitle.line-length/expected': '纯中文每行不超过 {chineseMaxWidth} 个字；中英文混合的整句不超过 {mixedMaxWidth} 个字；纯字母不超过 {latinMaxChars} 个字符',
  'subtitle.line-length/limit':
    '{kind, select, chinese {中文每行不超过 {maxWidth} 个字} latin {字母每行不超过 {maxChars} 个字符} other {中英文混合的整句每行不超过 {maxWidth} 个字，不是整句不超过 {chineseMaxWidth} 个字}}',
  'subtitle.line-length/pass': '共 {lines} 行，最宽 {widest} 个字',
  'subtitle.line-length/too-long-lines': '字幕中{problems}（共 {lines} 行）：请把过长的行拆开或删减文字',
  'subtitle.line-length/count-too-long': '有 {count} 行太长',
  'subtitle.line-length/count-not-sentence': '有 {count} 行中英文混合、宽 {fromWidth}–{toWidth} 个字但不是整句',
  'subtitle.line-length/line':
    '第 {cue} 条字幕（文件第 {lineNumber} 行）{kind, select, chinese {一行有 {width} 个字} mixed {中英文混合一行有 {width} 个字} other {{script, select, Cyrillic {西里尔字母} Greek {希腊字母} Latin {} other {字母}}一行有 {chars} 个字符}}{notSentence, select, true {，又不是一个整句} other {}}，超过要求（{limit}）：请拆成两行或删减文字',

  'subtitle.timing/expected': '字幕格式正确、按时间顺序、互不重叠，且都在视频时长以内',
  'subtitle.timing/pass': '{cues} 条字幕，格式正确、顺序正常',
  'subtitle.timing/problems': '{cues} 条字幕中有 {total} 处时间轴问题',
  'subtitle.timing/malformed': '文件第 {lineNumber} 行格式有误：{problem}',
  'subtitle.timing/ends-early':
    '第 {cue} 条字幕（文件第 {lineNumber} 行，{startS, number, clock}）{zero, select, true {结束时间等于开始时间} other {结束时间早于开始时间}}：请修改它的时间',
  'subtitle.timing/out-of-order': '第 {cue} 条字幕（文件第 {lineNumber} 行，{startS, number, clock}）比第 {previousCue} 条开始得还早，顺序颠倒了：请按时间顺序排列',
  'subtitle.timing/overlap': '第 {cue} 条字幕（文件第 {lineNumber} 行，{startS, number, clock}）与第 {previousCue} 条重叠 {overlapMs} 毫秒：请调整时间，不要让两条字幕同时出现',
  'subtitle.timing/after-end':
    '第 {cue} 条字幕（文件第 {lineNumber} 行，{startS, number, clock}）在 {endS, number, clock} 结束，晚于视频结尾（{videoEndS, number, clock}）：请删掉或提前这条字幕',

  // 项目规则（--project）：每个项目文件夹判断一次，依据其中所有课程。
  'project.hours/expected': '不少于 {minHours} 学时，每学时 {lessonHourMin} 分钟（共 {requiredS, number, clock}）',
  'project.hours/pass': '{lessons} 个课程，共 {totalS, number, clock}，合 {classHours} 学时（每学时 {lessonHourMin} 分钟）{unmeasured, plural, =0 {} other {；另有 # 个课程时长未知，未计入}}',
  'project.hours/too-short':
    '{lessons} 个课程，共 {totalS, number, clock}，合 {classHours} 学时（每学时 {lessonHourMin} 分钟），不足一个项目应有的 {minHours} 学时（还差 {missingS, number, clock}）{unmeasured, plural, =0 {} other {；另有 # 个课程时长未知，未计入}}：请补充课程，或确认文件夹里是整个项目',

  'project.resolution-match/expected': '所有课程分辨率相同',
  'project.resolution-match/too-few': '有画面的课程不足两个，无从比较',
  'project.resolution-match/pass': '全部 {lessons} 个课程都是 {resolution}',
  'project.resolution-match/differs': '{odd} 个课程的分辨率与其他 {common} 个课程的 {resolution} 不同：{lessons}；请把所有课程都导出为 {resolution}',
  'project.resolution-match/lesson': '{path}（{resolution}）',

  'project.frame-rate-match/expected': '所有课程帧率相同',
  'project.frame-rate-match/too-few': '有画面的课程不足两个，无从比较',
  'project.frame-rate-match/pass': '全部 {lessons} 个课程都是 {fps} fps',
  'project.frame-rate-match/differs': '{odd} 个课程的帧率与其他 {common} 个课程的 {fps} fps 不同：{lessons}；请把所有课程都导出为 {fps} fps',
  'project.frame-rate-match/lesson': '{path}（{fps} fps）',

  'project.loudness-match/expected': '各课程的整体响度相差不超过 {maxSpreadLu} LU',
  'project.loudness-match/too-few': '有声音的课程不足两个，无从比较',
  'project.loudness-match/pass': '{spreadLu, plural, =0 {全部 {lessons} 个课程的响度都是 {minLufs} LUFS} other {全部 {lessons} 个课程的响度相差 {spreadLu} LU 以内（{minLufs} 至 {maxLufs} LUFS）}}',
  'project.loudness-match/differs':
    '{odd} 个课程的响度超出其他 {common} 个课程所在的 {maxSpreadLu} LU 范围（约 {referenceLufs} LUFS）：{lessons}；请把它们调到与其他课程相同的响度',
  'project.loudness-match/lesson': '{path}（{lufs} LUFS，{louder, select, true {响 {differenceLu} LU} other {轻 {differenceLu} LU}}）',

  'run/nothing-to-check': '{paths} 里没有可检查的课程视频或字幕文件',
  'run/nothing-to-check-skipped': '{paths} 里没有可检查的课程视频或字幕文件；{skipped}',
  'run/skipped-path': '{path}：{reason}',
  'run/cache-rebuilt': '{folder} 中的结果缓存已损坏：已移到 {path}，并新建了缓存',
  'run/cache-unavailable': '{folder} 中的结果缓存无法使用（{detail}）：所有文件都重新检查',

  // 命令行自己的话（packages/cli）：帮助、用法错误、进度、标准错误上的提示。
  'cli/usage': '$0 [路径 ...] [选项]\n\n检查课程视频（和字幕）是否符合在线培训课程的技术规范。',
  'cli/command-check': '检查视频文件、字幕文件或文件夹（不指定时检查自带的 sample-media/）',
  'cli/option-version': '显示版本号后退出（加 --verbose 时，也显示所用 ffmpeg 和 ffprobe 的版本）',
  'cli/option-paths': '文件、文件夹、通配符（由本工具展开），或 -（从标准输入读取路径）',
  'cli/option-profile': 'web（网络发布版本）、archive（存档版本），或一个 JSON/YAML 规范文件',
  'cli/option-language': '课程的语言，用于检查字幕',
  'cli/option-locale': '提示信息使用的语言（zh 中文，en 英文）',
  'cli/option-locale-default': '由 LC_ALL、LC_MESSAGES 或 LANG 决定',
  'cli/option-quick': '只读取技术参数，不解码画面和声音；需要解码的检查项标为跳过',
  'cli/option-format': '报告格式（ndjson：每检查完一个文件输出一行，最后一行是汇总）',
  'cli/option-output': '把报告写入这个文件，而不是显示在屏幕上（标准输出）',
  'cli/option-jobs': '同时检查几个文件',
  'cli/option-quiet': '文本报告：只列出不通过或无法检查的文件和它们不通过的项（不列警告）',
  'cli/option-max-warnings': '警告超过 N 条时，退出码为 1。警告指没有达到要求的“警告”级检查项，每个文件的每一项只算一次，所有文件合计',
  'cli/option-verbose': '文本报告：把通过的检查项逐项列出',
  'cli/option-color': '文本报告用颜色标出（默认在终端里才用；设置 NO_COLOR 时不用，设置 FORCE_COLOR 时一定用）',
  'cli/option-evidence': '画面问题出现的时间点，各截一张图（JPEG）保存到这个文件夹',
  'cli/option-stall-timeout': '读取一个文件超过这么多秒没有进展，就停止读取（这个文件记为无法检查）',
  'cli/option-cache': '没有改动的文件直接采用结果缓存中的结论，新结论也存入缓存（--no-cache：所有文件重新检查）',
  'cli/option-cache-dir': '结果缓存所在的文件夹（默认：用户的缓存文件夹，或 COURSEWARE_CHECK_CACHE_DIR）',
  'cli/option-hash': '与 --quick 同用：也给出每个文件的 SHA-256（完整检查总会给出；需读取文件的全部内容）',
  'cli/option-project': '把给出的每个文件夹当作一个培训项目：其中的课程（文件夹下的视频）还要合在一起判断（project.hours：不少于 40 学时、每学时 45 分钟；分辨率、帧率、响度一致）',
  'cli/example-folder': '检查 lessons/ 里的所有课程视频（包括子文件夹）',
  'cli/example-glob': '加了引号的通配符由本工具展开（Windows 上也可以）；只读取技术参数',
  'cli/example-stdin': '从标准输入读取要检查的路径，每行一个',
  'cli/example-junit': '生成 JUnit 报告，供持续集成（CI）使用',
  'cli/example-ndjson': '每检查完一个文件，输出一行 JSON',
  'cli/example-quiet': '只显示不通过的文件；有任何警告，退出码也为 1',
  'cli/example-project': '两个培训项目：每个文件夹的课程还要合在一起判断',
  'cli/epilog':
    '退出码：\n  0    没有不通过或无法检查的文件（允许有警告，但不超过 --max-warnings）\n  1    有文件不通过或无法检查，或者警告多于 --max-warnings\n  2    命令本身有误（选项不认识、取值或规范文件有误、报告无法写入、没有可检查的文件），\n       在检查任何文件之前就发现了\n  130  按了 Ctrl-C 而停止（143：收到 SIGTERM）；已检查完的文件照常列入报告\n\n环境变量：\n  NO_COLOR                      不用颜色，不管其他设置\n  FORCE_COLOR                   不在终端里也用颜色（设为 0 或 false：不用）\n  LC_ALL, LC_MESSAGES, LANG     --locale 的默认值（看第一个有值的：以 zh 开头为中文，否则为英文）\n  FFMPEG_PATH, FFPROBE_PATH     改用其他的 ffmpeg 和 ffprobe 程序，而不是自带的固定版本\n  COURSEWARE_CHECK_CACHE_DIR    结果缓存所在的文件夹（以 --cache-dir 为准）',
  'cli/command-fix-subtitles': '把字幕文件另存为 UTF-8 编码的副本（不覆盖原文件，也不放在原文件旁边），并重新检查副本',
  'cli/option-files': '.srt 或 .vtt 字幕文件',
  'cli/option-fix-output': '存放修正后副本的文件夹',
  'cli/option-rewrap': '重新给过长的字幕行断行；两行放不下时，按时间把这条字幕拆成几条',
  'cli/yargs-commands': '命令：',
  'cli/yargs-options': '选项：',
  'cli/yargs-examples': '示例：',
  'cli/yargs-positionals': '参数：',
  'cli/yargs-boolean': '开关',
  'cli/yargs-count': '次数',
  'cli/yargs-string': '文字',
  'cli/yargs-number': '数字',
  'cli/yargs-array': '列表',
  'cli/yargs-required': '必填',
  'cli/yargs-default': '默认',
  'cli/yargs-default-colon': '默认',
  'cli/yargs-choices': '可选',
  'cli/yargs-aliases': '别名',
  'cli/yargs-command': '命令',
  'cli/yargs-show-help': '显示帮助',
  'cli/yargs-did-you-mean': '是不是要输入 %s？',
  'cli/yargs-invalid-values': '取值无效：',
  'cli/yargs-argument-choices': '选项 %s 不能取 %s，可选的值：%s',
  'cli/yargs-not-enough-following': '选项 %s 后面缺少取值',
  'cli/yargs-unknown-argument': '{count, plural, other {不认识的选项：%s}}',
  'cli/yargs-unknown-command': '{count, plural, other {不认识的命令：%s}}',
  'cli/yargs-missing-value': '{count, plural, other {选项缺少取值：%s}}',
  'cli/yargs-missing-required': '{count, plural, other {缺少必填的选项：%s}}',
  'cli/yargs-not-enough-positionals': '参数不够：给了 %s 个，至少要 %s 个',
  'cli/yargs-too-many-positionals': '参数太多：给了 %s 个，最多 %s 个',
  'cli/yargs-error': '{text}',
  'cli/profile-error': '无法使用这个规范（--profile）：{detail}',
  'cli/invalid-command': '命令有误',
  'cli/jobs-invalid': '--jobs 须为不小于 1 的整数，不能是 {value}',
  'cli/stall-timeout-invalid': '--stall-timeout 须为大于 0 的秒数，不能是 {value}',
  'cli/option-queue': '把文件交给这个 Redis（redis://主机:端口/库号）上的工作机检查，而不在本机检查；报告相同',
  'cli/queue-url-invalid': '--queue 须为 Redis 地址，例如 redis://主机:6379/0，不能是 {value}',
  'cli/queue-unreachable': '无法连接 {value} 上的 Redis（{detail}）：请确认那里已运行 redis-server，且地址无误',
  'cli/command-worker': '作为工作机，检查队列（--queue redis://…）里各次检查送来的文件，直到按 Ctrl-C',
  'cli/option-worker-queue': '各次检查送文件的 Redis（redis://主机:端口/库号）',
  'cli/option-worker-jobs': '本机同时检查的文件数',
  'cli/example-worker': '每台机器运行一个工作机；文件在每台机器上须位于相同路径',
  'cli/worker-needs-queue': 'worker 需要 --queue redis://主机:端口/库号',
  'cli/worker-serving': '工作机 {text}：正在检查 {value} 送来的文件，同时 {count} 个（按 Ctrl-C 停止）',
  'cli/worker-stopping': '{signal}：完成手上的文件后停止',
  'cli/max-warnings-invalid': '--max-warnings 须为不小于 0 的整数，不能是 {value}',
  'cli/stdin-twice': '“-”（从标准输入读取路径）只能写一次',
  'cli/no-paths': '请写明要检查的课程视频文件或文件夹，例如 `courseware-check lessons/`（详见 --help）',
  'cli/stdin-empty': '没有可检查的文件：标准输入（“-”）里没有任何路径',
  'cli/stdin-prompt': '正在从标准输入读取路径，每行一个（输入完按 Ctrl-D 结束；Windows 上按 Ctrl-Z 再按回车）',
  'cli/output-folder-missing': '无法把报告写入 {path}：文件夹 {folder} 不存在',
  'cli/output-is-folder': '无法把报告写入 {path}：这是一个文件夹',
  'cli/evidence-is-file': '--evidence {path} 是一个文件，不是文件夹',
  'cli/evidence-cannot-make': '无法创建截图文件夹 {path}（{detail}）',
  'cli/fix-subtitles-no-files': 'fix-subtitles 需要至少一个 .srt 或 .vtt 字幕文件',
  'cli/fix-subtitles-not-subtitles': 'fix-subtitles 只处理 .srt 和 .vtt 字幕文件，{files} 不是（要修正课程视频，请用 fix）',
  'cli/fix-command': '让不合格的课程视频符合规范：先检查，只重新编码不通过的部分（其余原样复制），再检查结果',
  'cli/fix-option-paths': '课程视频文件或文件夹',
  'cli/fix-option-output': '存放修正后课程视频的文件夹（必填；不能是原文件所在的文件夹）',
  'cli/fix-option-plan': '只显示修正计划和确切的 ffmpeg 命令行，不执行任何操作',
  'cli/fix-option-only': '只修正这些检查项（检查项 id，用逗号分隔）',
  'cli/fix-option-trim-intro': '片头或片尾过长时，剪掉片头开头或片尾结尾多出的部分，使其不超过上限',
  'cli/fix-option-split': '把超过 15 分钟的课程视频在自然段落处切成几段，每段 5–15 分钟',
  'cli/fix-option-denoise': '降低宽频噪声（audio.snr）；可能改变人声的音色',
  'cli/fix-option-upscale': '把不到 720 行的画面放大（--no-upscale：不放大，改为报告出来）',
  'cli/fix-option-stall-timeout': 'ffmpeg 超过这么多秒没有进展，就停止它',
  'cli/fix-option-cache': '课程视频没有改动时，修正前的检查结论直接取自结果缓存（--no-cache：重新检查）',
  'cli/fix-example-remux': '重新封装，重新编码不通过的部分，再检查结果',
  'cli/fix-example-plan': '显示将要做的修正，以及确切的 ffmpeg 命令行',
  'cli/fix-example-split': '剪短过长的片头，切成每段 5–15 分钟的几段',
  'cli/fix-example-only': '只修正这几项',
  'cli/fix-epilog':
    '退出码：\n  0    所有输出都通过了所修正的检查项（或用了 --plan）\n  1    修正过的检查项仍不通过，或者修正失败\n  2    命令本身有误\n  130  按了 Ctrl-C 而停止（143：收到 SIGTERM）；不会留下写了一半的课程视频',
  'cli/fix-no-paths': 'fix 需要至少一个课程视频文件或文件夹',
  'cli/fix-needs-output': 'fix 需要 --output 文件夹：用来存放修正后的课程视频',
  'cli/fix-only-empty': '--only 需要检查项 id，例如 --only av.sync,audio.loudness',
  'cli/fix-only-unknown': '--only 中的 {value} 不是任何检查项的 id（见 docs/rules.md）',
  'cli/report-written': '{format} 报告已写入 {path}',
  'cli/interrupted': '已中断（{signal}）：{total} 个文件中检查完了 {done} 个',
  'cli/too-many-warnings': '有 {count} 条警告，超过了 --max-warnings {max}（警告指没有达到要求的“警告”级检查项，每个文件的每一项只算一次）',
  'cli/revised': '（已更新：与同一文件夹的其他课程一起重新判断）',
  'cli/progress-elapsed': '已用 {elapsed}',
  'cli/progress-elapsed-left': '已用 {elapsed}，预计还要 {remaining}',
  'cli/duration-seconds': '{s}秒',
  'cli/duration-minutes': '{m}分{s}秒',
  'cli/duration-hours': '{h}小时{m}分',
  'cli/fix-subtitles-file': '{passes, select, true {已修正} other {已写入}}  {file} → {output}（{encoding} → UTF-8，{cues}{dropped}）',
  'cli/fix-subtitles-cues': '{cuesIn} 条字幕',
  'cli/fix-subtitles-cues-changed': '{cuesIn} 条字幕 → {cuesOut} 条',
  'cli/fix-subtitles-dropped': '，{count} 行无法读取，没有写入副本',
  'cli/fix-subtitles-rechecked': '已重新检查：subtitle.encoding 和 subtitle.line-length 都通过',
  'cli/fix-subtitles-error': '出错  {detail}',
};
