/** Electron's security checklist, as pure checks the tests can run without Electron. */

/** The app's own page; anything else that sends a message is not trusted. */
export const APP_PAGE = 'app://courseware-check/index.html';

export interface SenderInfo {
  /** The webContents that sent the message. */
  senderId: number;
  /** The URL of the frame that sent it (null when the frame is gone). */
  frameUrl: string | null;
}

/** Only the window the main process created, showing the app's own page, may call the checker. */
export function isTrustedSender(sender: SenderInfo, windowId: number | null): boolean {
  return windowId !== null && sender.senderId === windowId && sender.frameUrl !== null && sender.frameUrl.startsWith('app://courseware-check/');
}

/** The Content-Security-Policy of every response the app serves: nothing from the network, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
