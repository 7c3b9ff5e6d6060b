import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '@courseware-check/checker-core';
import { CheckerService } from '../packages/desktop/src/main/checker-service.js';
import type { ProgressMessage } from '../packages/desktop/src/shared/api.js';
import { validateCheckRequest } from '../packages/desktop/src/shared/validate.js';
import { checkJson } from './helpers/cli.js';
import { card, moving, music, programme, speech } from './helpers/scenes.js';

/** Two lessons of one course that open with the same 7 s title card and music, then two narrators. */
async function course(): Promise<string> {
  const lesson = (voice: { f0Hz: number; phraseS: number; pauseS: number; syllableHz: number; syllablePhase: number }) => [
    { video: card(7, false), audio: music(7, false) },
    { video: moving(16), audio: speech(16, voice) },
  ];
  const folder = await mkdtemp(join(tmpdir(), 'one-engine-'));
  await copyFile(await programme('shared-7-a', lesson({ f0Hz: 140, phraseS: 2.5, pauseS: 0.8, syllableHz: 4, syllablePhase: 0 })), join(folder, '01.mp4'));
  await copyFile(await programme('shared-7-b', lesson({ f0Hz: 210, phraseS: 3.1, pauseS: 0.6, syllableHz: 3.3, syllablePhase: 3.14159 })), join(folder, '02.mp4'));
  return folder;
}

/** What a person compares: each rule's verdicts, messages and measurements (not the evidence pictures, which only the app asks for). */
const verdictsOf = (file: FileResult) => file.findings.map(({ evidence: _file, evidenceDataUri: _picture, ...finding }: Finding) => finding);

describe('one engine: the command line and the app agree', () => {
  it('on a folder of lessons that share their intro: the same findings and counts, file by file', async () => {
    const folder = await course();
    // The same locale for both, so that their messages can be compared word for word.
    const { report: cli } = await checkJson(['--locale', 'en', folder]);

    const service = new CheckerService();
    const messages: ProgressMessage[] = [];
    const request = validateCheckRequest({ paths: [folder], profile: { kind: 'builtin', name: 'web' }, language: 'zh', locale: 'en' });
    const { runId } = await service.start(request, (message) => messages.push(message));
    await service.settled(runId);
    // What the window ends up showing: the last verdict sent for each file.
    const shown = new Map<number, FileResult>();
    for (const message of messages) if (message.type === 'done') shown.set(message.index, message.result);
    const exported = JSON.parse(await service.report(runId, 'json')) as typeof cli;

    expect(cli.files.map((f) => f.path)).toEqual([join(folder, '01.mp4'), join(folder, '02.mp4')]);
    for (const [index, file] of cli.files.entries()) {
      // The intro the two lessons share is found by all three.
      expect(file.findings.find((f) => f.rule === 'intro.duration')).toMatchObject({ status: 'pass', measured: { source: 'shared' } });
      expect(verdictsOf(shown.get(index)!)).toEqual(verdictsOf(file));
      expect(verdictsOf(exported.files[index]!)).toEqual(verdictsOf(file));
    }
    expect(exported.summary).toEqual(cli.summary);
    expect(messages.at(-1)).toMatchObject({ type: 'finished', summary: cli.summary });
  });
});
