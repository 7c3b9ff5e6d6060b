/** Human-readable units for messages; JSON keeps raw numbers. */

export function formatBitrate(bps: number): string {
  if (bps >= 1_000_000) return `${trim(bps / 1_000_000, 2)} Mbps`;
  return `${trim(bps / 1000, 1)} kbps`;
}

export function formatBytes(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${trim(gib, 3)} GiB`;
  const mib = bytes / 1024 ** 2;
  return mib >= 1 ? `${trim(mib, 1)} MiB` : `${trim(bytes / 1024, 1)} KiB`;
}

/** `m:ss` or `h:mm:ss`, with tenths when the time is not whole. */
export function formatClock(seconds: number): string {
  const negative = seconds < 0;
  let rest = Math.abs(seconds);
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest -= minutes * 60;
  const whole = Math.abs(rest - Math.round(rest)) < 0.05;
  const secondsText = whole ? String(Math.round(rest)).padStart(2, '0') : rest.toFixed(1).padStart(4, '0');
  const body = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secondsText}` : `${minutes}:${secondsText}`;
  return negative ? `-${body}` : body;
}

export function formatFps(fps: number): string {
  return `${trim(fps, 3)} fps`;
}

/** A finding's `measured` as one line: `—` for none, `key=value, …` for an object. */
export function formatMeasured(measured: number | string | boolean | null | Record<string, unknown>): string {
  if (measured === null) return '—';
  if (typeof measured === 'object') return Object.entries(measured).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return String(measured);
}

/** A number rounded to `digits` decimals, for reports (units stay in the names). */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}
