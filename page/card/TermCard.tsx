import { NOT_MEDICAL_ADVICE } from '@/content/health-notices';
import { ABOUT_ANCHOR } from '@/content/sections';
import type { HelpChoice } from '@/utils/help-line-choice';
import type { TermExplanation } from '@/utils/term-explanation';
import { AboutLink, EditorsNotes, HelpPointer } from './CardNotes';

export interface TermCardProps {
  explanation: TermExplanation;
  onReadMore: (anchor: string) => void;
  /** Shows a related term's explanation; without it related terms are not offered. */
  onRelated?: (termId: string) => void;
  /** Without it the card has no close button. */
  onClose?: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
  /** The help a condition's card points to; null or absent while help lines are off. */
  help?: HelpChoice | null;
}

/** The hover card: what the series says about one term, where it says it, and a way to read on. */
export function TermCard({
  explanation,
  onReadMore,
  onRelated,
  onClose,
  onPointerEnter,
  onPointerLeave,
  help,
}: TermCardProps) {
  const idBase = `term-card-${explanation.id}`;
  const related = onRelated ? explanation.related : [];
  return (
    <section
      class="term-card"
      role="dialog"
      aria-labelledby={`${idBase}-title`}
      aria-describedby={`${idBase}-summary`}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      {/* Focusable from script only: where focus lands when the card's content is replaced. */}
      <h2 class="term" id={`${idBase}-title`} tabIndex={-1}>
        {explanation.term}
      </h2>
      <p class="summary" id={`${idBase}-summary`}>
        {explanation.summary}
      </p>
      <p class="source">
        <span class="visually-hidden">Source: </span>
        {explanation.source.label}
      </p>
      <EditorsNotes notes={explanation.editorsNotes} />
      <button type="button" class="read-more" onClick={() => onReadMore(explanation.source.anchor)}>
        Read in the series
      </button>
      <AboutLink onOpen={() => onReadMore(ABOUT_ANCHOR)} />
      {related.length > 0 && (
        <div class="related">
          <span class="related-title" id={`${idBase}-related`}>
            Related
          </span>
          <ul aria-labelledby={`${idBase}-related`}>
            {related.map((term) => (
              <li key={term.id}>
                <button type="button" class="related-term" onClick={() => onRelated?.(term.id)}>
                  {term.term}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="medical-note">{NOT_MEDICAL_ADVICE}</p>
      {explanation.pointsToHelp && help && <HelpPointer choice={help} />}
      {/* Last in the Tab order, so Tab goes to the card's content first; shown at the top right. */}
      {onClose && (
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </section>
  );
}
