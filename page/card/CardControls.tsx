import { controlProps } from './control-activation';

export interface CardControlsProps {
  /** The term's name, for "Hide this term"'s accessible name. */
  term: string;
  /** "Not on this site": turns highlighting off here as the popup's switch does. */
  onPauseSite: () => void;
  /** "Hide this term": never highlighted anywhere. */
  onHideTerm: () => void;
  /** A change under way: the controls wait for it. */
  busy: boolean;
  /** Why the last change could not be kept, said where it was asked for. */
  error: string | null;
}

/** The card's two quiet controls: stop highlighting on this site, or hide this term everywhere. */
export function CardControls({ term, onPauseSite, onHideTerm, busy, error }: CardControlsProps) {
  return (
    <div class="card-controls">
      <button type="button" class="quiet" disabled={busy} {...controlProps(onPauseSite)}>
        Not on this site
      </button>
      <button
        type="button"
        class="quiet"
        disabled={busy}
        aria-label={`Hide this term: ${term}`}
        {...controlProps(onHideTerm)}
      >
        Hide this term
      </button>
      {error !== null && (
        <p class="card-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
