import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../facts/finding.js';
import { factsForReport } from '../facts/reported-facts.js';
import { loadProfile } from '../profiles/load-profile.js';
import { makeFacts } from '../testing/make-facts.js';
import { judgeProjects, projectFolders } from './project.js';

const lesson = (path: string, durationS: number | null): FileResult => ({
  path,
  status: durationS === null ? 'error' : 'pass',
  facts: durationS === null ? null : factsForReport(makeFacts({ durationS })),
  findings: [],
  error: durationS === null ? { code: 'not-media', message: 'not media' } : null,
});

describe('judgeProjects', () => {
  it('a lesson belongs to the deepest folder given; the total adds the known durations; every project rule is judged once', async () => {
    const web = await loadProfile('web');
    const lessons = [lesson('a/01.mp4', 600), lesson('a/b/02.mp4', 300), lesson('a/b/03.mp4', null), lesson('elsewhere/04.mp4', 900)];
    const projects = judgeProjects(['a', 'a/b/'], lessons, web, { language: 'zh', locale: 'en' }, false);
    expect(projects.map((p) => [p.path, p.lessons, p.totalDurationS])).toEqual([
      ['a', ['a/01.mp4'], 600],
      ['a/b/', ['a/b/02.mp4', 'a/b/03.mp4'], 300],
    ]);
    expect(projects[1]!.findings.map((f) => f.rule)).toEqual(['project.hours', 'project.resolution-match', 'project.frame-rate-match', 'project.loudness-match']);
    expect(projects[1]!.status).toBe('warn');
  });

  it('a project rule turned off in the profile is not judged', async () => {
    const profile = await loadProfile('web');
    const withoutHours = { ...profile, settings: profile.settings.filter((s) => s.rule.id !== 'project.hours') };
    const [project] = judgeProjects(['a'], [lesson('a/01.mp4', 60), lesson('a/02.mp4', 60)], withoutHours, { language: 'zh' }, false);
    expect(project!.findings.map((f) => f.rule)).not.toContain('project.hours');
    expect(project!.status).toBe('pass');
  });
});

describe('projectFolders', () => {
  it('keeps the paths that are folders, each once however it is spelled', async () => {
    const root = await mkdtemp(join(tmpdir(), 'project-folders-'));
    await mkdir(join(root, 'course'));
    await writeFile(join(root, 'course', 'x.mp4'), '');
    const folders = await projectFolders([join(root, 'course'), `${join(root, 'course')}/`, join(root, 'course', 'x.mp4'), join(root, 'missing')]);
    expect(folders).toEqual([join(root, 'course')]);
  });
});
