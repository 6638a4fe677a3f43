import { controlProps } from './control-activation';

export interface UndoNoticeProps {
  /** "Highlighting is off on example.org". */
  text: string;
  /** Said after it, e.g. that the change is kept on this device only. */
  detail: string | null;
  /** Without it (after an undo, or when there is nothing to undo) no Undo button. */
  onUndo: (() => void) | null;
  onClose: () => void;
  /** The pointer or focus came onto the notice (true) or left it (false): it stays while held. */
  onHold: (held: boolean) => void;
}

/**
 * What a card's control did, where the card was, for a few seconds, with a way to take it back.
 * Announced as a status; the Undo button takes focus, so the keyboard reaches it at once.
 */
export function UndoNotice({ text, detail, onUndo, onClose, onHold }: UndoNoticeProps) {
  return (
    <div
      class="undo-notice"
      role="status"
      aria-live="polite"
      onPointerEnter={() => onHold(true)}
      onPointerLeave={() => onHold(false)}
      onFocusIn={() => onHold(true)}
      onFocusOut={() => onHold(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <p class="undo-text">
        {text}
        {onUndo && <span aria-hidden="true"> — </span>}
        {onUndo && (
          <button type="button" class="undo" {...controlProps(onUndo)}>
            Undo
          </button>
        )}
      </p>
      {detail && <p class="undo-detail">{detail}</p>}
      <button type="button" class="close" aria-label="Dismiss" {...controlProps(onClose)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
