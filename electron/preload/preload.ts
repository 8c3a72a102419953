import { contextBridge, ipcRenderer } from 'electron';
import type { TerminalBridge } from '../../shared/bridge/terminal-bridge';
import { createPreloadBridge } from './preload-bridge';

/**
 * Preload entry (sandboxed, bundled to dist/electron/preload.cjs by scripts/build-electron.ts):
 * exposes the typed terminal bridge and nothing else. Renderer side: renderer/bridge/
 * pick-terminal-bridge.ts finds it as `window.terminalBridge`.
 */
contextBridge.exposeInMainWorld(
  'terminalBridge',
  createPreloadBridge(ipcRenderer) satisfies TerminalBridge,
);
