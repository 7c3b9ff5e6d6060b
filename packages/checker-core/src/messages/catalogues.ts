import type { Locale } from '../facts/finding.js';
import { en, type MessageId } from './en.js';
import { zh } from './zh.js';

export type { MessageId };

/** Every message in every locale, by id. */
export const catalogues: Record<Locale, Record<MessageId, string>> = { zh, en };
