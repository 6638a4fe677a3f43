import type { TermExplanation } from '@/utils/term-explanation';
import { MedicalNote } from './MedicalNote';

export interface TermCardProps {
  explanation: TermExplanation;
  onReadMore: (anchor: string) => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

/** The hover card: what the series says about one term, where it says it, and a way to read on. */
export function TermCard({ explanation, onReadMore, onPointerEnter, onPointerLeave }: TermCardProps) {
  const titleId = `term-card-title-${explanation.id}`;
  return (
    <section
      class="term-card"
      role="dialog"
      aria-labelledby={titleId}
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
    >
      <h2 class="term" id={titleId}>
        {explanation.term}
      </h2>
      <p class="summary">{explanation.summary}</p>
      <p class="source">
        <span class="visually-hidden">Source: </span>
        {explanation.source.label}
      </p>
      <button type="button" class="read-more" onClick={() => onReadMore(explanation.source.anchor)}>
        Read in the series
      </button>
      <MedicalNote />
    </section>
  );
}
