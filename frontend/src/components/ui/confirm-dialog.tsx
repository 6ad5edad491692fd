// A modal question before something that cannot be undone. The native
// <dialog> opened with showModal() keeps focus inside, makes the page behind it
// inert and closes on Escape; focus starts on the harmless choice and goes back
// to whatever opened the dialog.
import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The harmless choice; "Cancel" unless that word is the action itself. */
  cancelLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
    return () => {
      if (element?.open) element.close();
      // The opener may be gone (the row of a deleted item); the page then
      // decides where focus goes.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const { onCancel, busy } = props;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        // Escape: let React state decide when the dialog goes away.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-dialog-title">{props.title}</h2>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={busy}>
          {props.cancelLabel ?? 'Cancel'}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={props.onConfirm}
          disabled={busy}
        >
          {busy ? 'Working…' : props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
