import { execa } from 'execa';

/**
 * Runs a command as a whole process and times it as `time` in a shell would: through bash, whose clock
 * (`$EPOCHREALTIME`) is read just before it starts the command and just after the command exits, and
 * whose `times` gives the CPU time of the command and of every process it waited for (ffmpeg's too).
 * Starting bash from the bench (15 ms here, a fork of a process the size of tsx) is not the command's
 * time. Exit code 1 is a verdict (a lesson that fails, a fix whose output still fails), not a failed run.
 */
export async function timeProcess(command: string, args: string[], env: Record<string, string> = {}): Promise<{ wallS: number; cpuS: number }> {
  const script = 'start=$EPOCHREALTIME; "$0" "$@" >/dev/null; status=$?; end=$EPOCHREALTIME; times >&2; echo "$start $end" >&2; exit $status';
  const result = await execa('bash', ['-c', script, command, ...args], { reject: false, env, stdout: 'ignore', stderr: 'pipe' });
  const stderr = String(result.stderr);
  if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`${command} ${args.join(' ')} exited with ${result.exitCode}: ${stderr.slice(-2000)}`);
  const lines = stderr.trim().split('\n');
  // Seconds with a decimal separator that follows the locale (LC_NUMERIC).
  const [startS, endS] = lines.at(-1)!.split(' ').map((value) => Number(value.replace(',', '.')));
  const children = lines.at(-2)?.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  return {
    wallS: endS! - startS!,
    cpuS: children ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]) : NaN,
  };
}
