import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { UsageError } from '../words.js';

/** Seconds to reach Redis before saying it cannot be reached (a wrong host must not hang the command). */
const CONNECT_TIMEOUT_MS = 5000;

/** `redis://[user:password@]HOST[:PORT][/DB]` (or `rediss://`, TLS) as ioredis options; a bad URL is a usage error. */
export function redisOptions(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError('cli/queue-url-invalid', { value: url });
  }
  const db = parsed.pathname.replace(/^\//, '');
  if (!/^rediss?:$/.test(parsed.protocol) || !parsed.hostname || (db !== '' && !/^\d+$/.test(db))) throw new UsageError('cli/queue-url-invalid', { value: url });
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 6379,
    db: db ? Number(db) : 0,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // BullMQ's workers block on Redis: a command must wait for a reconnection, not fail after N tries.
    maxRetriesPerRequest: null,
  };
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/**
 * Connects once and pings, failing fast: Redis unreachable is one clear line and exit 2 (a usage
 * error), before any job is sent or served. BullMQ itself would retry for ever.
 */
export async function ensureReachable(url: string): Promise<RedisOptions> {
  const options = redisOptions(url);
  const probe = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  // ioredis emits the cause (ECONNREFUSED, a timeout) as an event; the rejection only says "Connection is closed".
  let cause: Error | undefined;
  probe.on('error', (error: Error) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    const detail = (cause ?? (error as Error)).message || String(error);
    throw new UsageError('cli/queue-unreachable', { value: shownUrl(url), detail });
  } finally {
    probe.disconnect();
  }
  return options;
}
