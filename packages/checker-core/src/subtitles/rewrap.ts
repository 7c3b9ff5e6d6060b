import { round } from '../facts/units.js';
import type { Cue } from './parse.js';
import { judgeLine, measureLine, NOTICE_LIMITS, type LineLimits } from './width.js';

/**
 * Re-breaks cues whose lines break the notice's limits: at natural points (after Chinese
 * punctuation, at spaces between words, between Han characters; never inside a Latin word), into
 * at most two lines a cue; a cue that two lines cannot hold is split in time by text length.
 */
export function rewrapCues(cues: readonly Cue[], limits: LineLimits = NOTICE_LIMITS): Cue[] {
  const out: Cue[] = [];
  for (const cue of cues) {
    if (cue.lines.every((line) => judgeLine(measureLine(line), limits).status === 'pass')) {
      out.push({ ...cue, index: out.length + 1 });
      continue;
    }
    const lines = balancedBreak(joinLines(cue.lines), limits);
    const groups: string[][] = [];
    for (let i = 0; i < lines.length; i += 2) groups.push(lines.slice(i, i + 2));
    const weights = groups.map((group) => group.reduce((sum, line) => sum + measureLine(line).width, 0));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    let startS = cue.startS;
    groups.forEach((group, i) => {
      const endS = i === groups.length - 1 ? cue.endS : startS + ((cue.endS - cue.startS) * weights[i]!) / total;
      out.push({ index: out.length + 1, startS: round(startS, 3), endS: round(endS, 3), lines: group, lineNumber: cue.lineNumber });
      startS = endS;
    });
  }
  return out;
}

/** Joins a cue's lines: Chinese lines run on without a space, Latin ones with one. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => {
    const next = line.trim();
    if (!text) return next;
    const needsSpace = /[A-Za-z0-9,.!?;:]$/.test(text) && /^[A-Za-z0-9]/.test(next);
    return text + (needsSpace ? ' ' : '') + next;
  }, '');
}

/** Pieces that must stay whole: a Latin word with what follows it, a Han character with its punctuation. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /[A-Za-z0-9\u00C0-\u024F'’\-_.%]+[^\S\n]*|[^\s][，。！？；：、,.!?;:」』”’）》)\]]*\s*|\s+/gu;
  for (const match of text.matchAll(pattern)) {
    if (match[0].trim() === '' && tokens.length > 0) tokens[tokens.length - 1] += match[0];
    else if (match[0].trim() !== '') tokens.push(match[0]);
  }
  return tokens;
}

/**
 * The fewest lines the limits allow; among the ways to break into that many, the one with the
 * most lines ending at punctuation, then the most even (no stub line, no stub cue).
 */
function balancedBreak(text: string, limits: LineLimits): string[] {
  const fewest = breakText(text, limits, Infinity);
  if (fewest.length < 2) return fewest;
  const totalWidth = fewest.reduce((sum, line) => sum + measureLine(line).width, 0);
  const candidates = [fewest];
  for (let slack = 1.0; slack <= 1.5; slack += 0.1) {
    const even = breakText(text, limits, Math.ceil((totalWidth / fewest.length) * slack));
    if (even.length === fewest.length) candidates.push(even);
  }
  const score = (lines: string[]) => {
    const atPunctuation = lines.slice(0, -1).filter((line) => /[，。！？；：、,.!?;:]$/.test(line)).length;
    const widest = Math.max(...lines.map((line) => measureLine(line).width));
    return atPunctuation * 100 - widest;
  };
  return candidates.reduce((best, lines) => (score(lines) > score(best) ? lines : best));
}

/** Greedy fill under the limit (and `targetWidth`), preferring to break after punctuation once a line is half full. */
function breakText(text: string, limits: LineLimits, targetWidth: number): string[] {
  const tokens = tokenize(text);
  const lines: string[] = [];
  let current = '';
  let lastPunctuation = -1; // token index in the current line after which a break reads best
  let lineTokens: string[] = [];
  const fits = (candidate: string) => {
    const measure = measureLine(candidate);
    const limit = measure.kind === 'latin' ? limits.latinMaxChars / 2 : limits.chineseMaxWidth;
    return measure.width <= Math.min(limit, targetWidth);
  };
  for (const token of tokens) {
    const candidate = current + token;
    if (fits(candidate) || current === '') {
      current = candidate;
      lineTokens.push(token);
      if (/[，。！？；：、,.!?;:]\s*$/.test(token)) lastPunctuation = lineTokens.length - 1;
      continue;
    }
    // Break after the last punctuation if it leaves the line at least half full.
    if (lastPunctuation >= 0 && lastPunctuation < lineTokens.length - 1 && measureLine(lineTokens.slice(0, lastPunctuation + 1).join('')).width * 2 >= measureLine(current).width) {
      lines.push(lineTokens.slice(0, lastPunctuation + 1).join('').trim());
      lineTokens = lineTokens.slice(lastPunctuation + 1);
      current = lineTokens.join('');
    } else {
      lines.push(current.trim());
      lineTokens = [];
      current = '';
    }
    lastPunctuation = -1;
    lineTokens.forEach((t, i) => /[，。！？；：、,.!?;:]\s*$/.test(t) && (lastPunctuation = i));
    current += token;
    lineTokens.push(token);
    if (/[，。！？；：、,.!?;:]\s*$/.test(token)) lastPunctuation = lineTokens.length - 1;
  }
  if (current.trim()) lines.push(current.trim());
  return lines;
}
