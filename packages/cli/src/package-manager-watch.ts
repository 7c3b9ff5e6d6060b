import { readFileSync } from 'node:fs';

/**
 * pnpm does not pass SIGTERM on to the script it runs (pnpm → sh → node): killed, it exits and
 * leaves the check running. Run as a package script, the check therefore watches the package
 * manager's process and stops as on SIGTERM when it is gone. Linux only (it reads /proc); elsewhere,
 * and outside a package script, it does nothing.
 */
export function watchPackageManager(onGone: () => void, intervalMs = 500): () => void {
  if (!process.env.npm_lifecycle_event || process.platform !== 'linux') return () => {};
  const managerPid = findAncestor((commandLine) => /\b(pnpm|npm)(\.c?js)?\b/.test(commandLine));
  if (managerPid === null) return () => {};
  const timer = setInterval(() => {
    if (!isAlive(managerPid)) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The nearest ancestor process whose command line matches, a few levels up at most. */
function findAncestor(matches: (commandLine: string) => boolean): number | null {
  let pid = process.ppid;
  for (let level = 0; level < 6 && pid > 1; level++) {
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (matches(commandLine)) return pid;
      // Field 4 of /proc/PID/stat is the parent; the name in field 2 may hold spaces, so count from its ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return null;
    }
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
