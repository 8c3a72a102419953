import { isAppUrl } from '../main/window-policy';

/** The part of Electron's WebFrameMain the check reads (a fake in tests). */
export type IpcFrame = { readonly url: string; readonly parent: IpcFrame | null };

/** The part of Electron's IpcMainInvokeEvent the check reads. */
export type IpcInvokeEvent = {
  readonly sender: { readonly id: number };
  readonly senderFrame: IpcFrame | null;
};

/** `null` when the sender may talk to the bridge, else why not (sent back to the renderer). */
export type SenderCheck = (event: IpcInvokeEvent) => string | null;

/**
 * Electron's checklist item 17: every IPC message is checked for who sent it. Trusted is only
 * the main frame (no parent) of the terminal's own window (`windowContentsId()`: the window's
 * webContents id, `null` before it exists or after it closed) showing a page of `app://terminal`.
 * A subframe, another window, a page navigated elsewhere or a frame already gone is refused.
 */
export function trustedSenderCheck(windowContentsId: () => number | null): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null) return 'refused: the sending frame no longer exists';
    const expected = windowContentsId();
    if (expected === null || event.sender.id !== expected)
      return 'refused: the message does not come from the terminal window';
    if (frame.parent !== null) return 'refused: the message comes from a subframe';
    if (!isAppUrl(frame.url))
      return `refused: the message comes from ${describeUrl(frame.url)}, not from the terminal's own pages`;
    return null;
  };
}

/** Scheme and host only: a refusal never echoes a whole (possibly long or private) address. */
function describeUrl(candidate: string): string {
  try {
    const url = new URL(candidate);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'an unparsable address';
  }
}
