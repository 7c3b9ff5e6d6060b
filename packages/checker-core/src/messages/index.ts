/**
 * The message catalogues (zh, en) and their renderer: browser-safe (no node: module), so the app's
 * renderer imports it too (`@courseware-check/checker-core/messages`) and shows findings in its own
 * language from their `messageId` and `params`.
 */
export { catalogues, type MessageId } from './catalogues.js';
export { renderMessage, renderStrict, renderRef, isMessageId, MessageError } from './render.js';
export { findingMessage, findingExpected, fileErrorMessage, skippedReason } from './localize.js';
