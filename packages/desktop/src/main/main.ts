/**
 * Electron main process: one window, the checker service, and a narrow IPC surface. Security per
 * Electron's checklist: contextIsolation, sandbox, no nodeIntegration, a strict CSP on every
 * response, navigation and new windows refused, and every message's sender and arguments checked.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type ProgressMessage } from '../shared/api.js';
import { InvalidMessage, validateCheckRequest, validateFileIndex, validateFormat, validatePath, validatePickKind, validateRunId } from '../shared/validate.js';
import { CheckerService } from './checker-service.js';
import { APP_PAGE, CONTENT_SECURITY_POLICY, isTrustedSender } from './security.js';

const RENDERER_DIR = join(__dirname, 'renderer');
const service = new CheckerService();
let mainWindow: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'courseware-check',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const contents = mainWindow.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void mainWindow.loadURL(APP_PAGE);
  mainWindow.on('closed', () => (mainWindow = null));
}

/** Serves the renderer's files from disk under app://, with the CSP on each response. */
function serveApp(): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    const file = join(RENDERER_DIR, pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, ''));
    if (!file.startsWith(RENDERER_DIR + sep)) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(file);
      const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
      return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8`, 'content-security-policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  void net; // the app never fetches from the network
}

/** Registers a handler that drops messages from senders it did not create and turns bad arguments into errors. */
function handle<A extends unknown[], R>(channel: string, handler: (...args: A) => Promise<R>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const sender = { senderId: event.sender.id, frameUrl: event.senderFrame?.url ?? null };
    if (!isTrustedSender(sender, mainWindow?.webContents.id ?? null)) throw new Error('refused: message from an unknown sender');
    try {
      return await handler(...(args as A));
    } catch (error) {
      // Our own messages (the service's say which profile file and why, never a word of its content).
      if (error instanceof InvalidMessage) throw new Error(`refused: ${error.message}`);
      // Anything else is logged here; the window gets a short message, no stack, nothing read from a file.
      console.error(`${channel}:`, error);
      const code = (error as NodeJS.ErrnoException | null)?.code;
      throw new Error(`${channel} failed${typeof code === 'string' && /^E[A-Z]{1,20}$/.test(code) ? ` (${code})` : ''}`);
    }
  });
}

function registerHandlers(): void {
  const send = (message: ProgressMessage) => mainWindow?.webContents.send(CHANNELS.progress, message);
  handle(CHANNELS.startCheck, async (request: unknown) => service.start(validateCheckRequest(request), send));
  handle(CHANNELS.cancel, async (runId: unknown) => service.cancel(validateRunId(runId)));
  handle(CHANNELS.pickPaths, async (kind: unknown) => {
    const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = validatePickKind(kind) === 'folder' ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'];
    const result = await dialog.showOpenDialog(mainWindow!, {
      properties,
      filters: kind === 'files' ? [{ name: 'Lessons', extensions: ['mp4', 'mov', 'mkv', 'm4v', 'srt', 'vtt'] }] : [],
    });
    return result.canceled ? [] : result.filePaths;
  });
  handle(CHANNELS.pickProfile, async () => {
    const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters: [{ name: 'Profile', extensions: ['json', 'yaml', 'yml'] }] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  handle(CHANNELS.exportReport, async (runId: unknown, format: unknown) => {
    const id = validateRunId(runId);
    const kind = validateFormat(format);
    const result = await dialog.showSaveDialog(mainWindow!, { defaultPath: `courseware-report.${kind}`, filters: [{ name: kind.toUpperCase(), extensions: [kind] }] });
    if (result.canceled || !result.filePath) return { savedTo: null };
    await writeFile(result.filePath, await service.report(id, kind));
    return { savedTo: result.filePath };
  });
  handle(CHANNELS.planFix, async (runId: unknown, index: unknown) => service.planFix(validateRunId(runId), validateFileIndex(index)));
  handle(CHANNELS.startFix, async (runId: unknown, index: unknown) => {
    const id = validateRunId(runId);
    const file = validateFileIndex(index);
    // Where the fixed lesson goes is the user's choice; the fixer refuses the original's own folder.
    const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
    const outputDir = result.canceled ? undefined : result.filePaths[0];
    if (!outputDir) return null;
    return { ...(await service.startFix(id, file, outputDir, send)), outputDir };
  });
  handle(CHANNELS.openFixed, async (fixId: unknown, output: unknown) => {
    shell.showItemInFolder(await service.fixedFile(validateRunId(fixId), validatePath(output)));
  });
}

app.enableSandbox();
app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  serveApp();
  registerHandlers();
  createWindow();
});
app.on('window-all-closed', () => app.quit());
