/**
 * The only bridge between the sandboxed page and the main process: one named method per message.
 * No Node, no ipcRenderer, no arbitrary channels reach the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, type CheckerApi, type CheckRequest, type ProgressMessage } from '../shared/api.js';

const api = {
  pickPaths: (kind: 'files' | 'folder') => ipcRenderer.invoke(CHANNELS.pickPaths, kind),
  pathsOfDropped: async (files: File[]) => files.map((file) => webUtils.getPathForFile(file)).filter((path) => path !== ''),
  pickProfile: () => ipcRenderer.invoke(CHANNELS.pickProfile),
  startCheck: (request: CheckRequest) => ipcRenderer.invoke(CHANNELS.startCheck, request),
  cancel: (runId: string) => ipcRenderer.invoke(CHANNELS.cancel, runId),
  exportReport: (runId: string, format: 'html' | 'json') => ipcRenderer.invoke(CHANNELS.exportReport, runId, format),
  planFix: (runId: string, index: number) => ipcRenderer.invoke(CHANNELS.planFix, runId, index),
  startFix: (runId: string, index: number) => ipcRenderer.invoke(CHANNELS.startFix, runId, index),
  openFixed: (fixId: string, output: string) => ipcRenderer.invoke(CHANNELS.openFixed, fixId, output),
  fixedFileAction: 'show',
  onProgress: (listener: (message: ProgressMessage) => void) => {
    const wrapped = (_event: IpcRendererEvent, message: ProgressMessage) => listener(message);
    ipcRenderer.on(CHANNELS.progress, wrapped);
    return () => ipcRenderer.removeListener(CHANNELS.progress, wrapped);
  },
} satisfies CheckerApi;

contextBridge.exposeInMainWorld('checker', api);
