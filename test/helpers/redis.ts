/**
 * A real redis-server and `courseware-check worker` processes for the queue's test and bench: the
 * server on a free loopback port, thrown away after (no saving to disk), each process waited for
 * until it serves.
 */
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts redis-server and resolves once it answers PING. No redis-server installed: this fails,
 * loudly (ENOENT), never skips. Wrapped: a process is a thenable, which an async function would wait for.
 */
export async function startRedis(): Promise<{ process: ResultPromise; url: string }> {
  const port = await freePort();
  const redis = execa('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { reject: false });
  for (let i = 0; ; i++) {
    const ping = await execa('redis-cli', ['-p', String(port), 'ping'], { reject: false });
    if (ping.stdout.trim() === 'PONG') return { process: redis, url: `redis://127.0.0.1:${port}/0` };
    if (redis.exitCode !== null || i > 100) throw new Error(`redis-server did not start (apt-get install redis-server): ${String((await redis).stderr)}${String((await redis).stdout)}`);
    await sleep(100);
  }
}

/** Starts `courseware-check worker --jobs N` (1 unless given; after `wrap`, a command that runs it) and resolves once it serves: its first line on standard error. */
export async function startWorker(bin: string, url: string, options: { env?: NodeJS.ProcessEnv; wrap?: string[]; cwd?: string; jobs?: number } = {}): Promise<{ process: ResultPromise }> {
  const command = [...(options.wrap ?? []), 'node', bin, 'worker', '--queue', url, '--jobs', String(options.jobs ?? 1)];
  const worker = execa(command[0]!, command.slice(1), { reject: false, cwd: options.cwd, env: { LANG: 'C.UTF-8', ...options.env } });
  let stderr = '';
  worker.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; !stderr.includes('worker on'); i++) {
    if (worker.exitCode !== null || i > 300) throw new Error(`the worker did not start: ${stderr}`);
    await sleep(100);
  }
  return { process: worker };
}
