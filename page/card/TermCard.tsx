import { NOT_MEDICAL_ADVICE } from '@/content/health-notices';
import { ABOUT_ANCHOR } from '@/content/sections';
import type { HelpChoice } from '@/utils/help-line-choice';
import type { CardTextSize } from '@/utils/preferences';
import type { TermExplanation } from '@/utils/term-explanation';
import { CardControls, type CardControlsProps } from './CardControls';
import { AboutLink, EditorsNotes, HelpPointer } from './CardNotes';
import { controlProps } from './control-activation';

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
  /** The reader's text size; normal by default. */
  textSize?: CardTextSize;
  /** "Not on this site" and "Hide this term"; without them the card has neither. */
  controls?: Omit<CardControlsProps, 'term'>;
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
  textSize = 'normal',
  controls,
}: TermCardProps) {
  const idBase = `term-card-${explanation.id}`;
  const related = onRelated ? explanation.related : [];
  return (
    <section
      class="term-card"
      data-size={textSize}
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
      <button type="button" class="read-more" {...controlProps(() => onReadMore(explanation.source.anchor))}>
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
                <button type="button" class="related-term" {...controlProps(() => onRelated?.(term.id))}>
                  {term.term}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* Above the standing notes: the pointer to help ends a condition’s card (decision 030). */}
      {controls && <CardControls term={explanation.term} {...controls} />}
      <p class="medical-note">{NOT_MEDICAL_ADVICE}</p>
      {explanation.pointsToHelp && help && <HelpPointer choice={help} />}
      {/* Last in the Tab order, so Tab goes to the card's content first; shown at the top right. */}
      {onClose && (
        <button type="button" class="close" aria-label="Close" {...controlProps(onClose)}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </section>
  );
}
