/**
 * The ground floor, and the one browser-safe entry (`@courseware-check/checker-core/facts`): the
 * shapes of facts and findings, units and the pure helpers that format them. Nothing here reads a
 * file or starts a process, so the app's renderer can import it.
 */
export type * from './facts.js';
export type * from './measurements.js';
export * from './finding.js';
export * from './units.js';
export * from './printable.js';
export * from './describe-facts.js';
export * from './reported-facts.js';
