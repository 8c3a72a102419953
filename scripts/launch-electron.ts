import { spawn } from 'node:child_process';
import { buildElectron } from './build-electron';

export type ElectronTerminal = {
  /** Resolves when the window's process has ended (the cashier closed it, or it crashed). */
  readonly exited: Promise<void>;
  readonly close: () => Promise<void>;
};

/**
 * Builds the shell (dist/electron) and starts `binary` on the project, so Electron runs
 * package.json's "main". `query` (server, one-time code) reaches the renderer's start address
 * through `--terminal-query`; `LOYALTY_KIOSK=1` in the environment opens it as a kiosk.
 */
export async function launchElectronTerminal(
  binary: string,
  appDir: string,
  query: string,
): Promise<ElectronTerminal> {
  await buildElectron();
  const child = spawn(binary, [appDir, `--terminal-query=${query}`], { stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.once('error', (error) => {
      console.error(`Electron did not start: ${error.message}`);
      resolve();
    });
  });
  return {
    exited,
    close: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
