import type { GlossaryEntry } from '@/content/types';

export interface HiddenTermListProps {
  /** Term ids, in the order they were hidden. */
  hidden: readonly string[];
  glossary: readonly GlossaryEntry[];
  onShowAgain: (termId: string) => void;
}

/** The terms hidden from a card's "Hide this term", each with the way to bring it back. */
export function HiddenTermList({ hidden, glossary, onShowAgain }: HiddenTermListProps) {
  if (hidden.length === 0) {
    return (
      <p class="muted hidden-terms-empty">
        No term is hidden. A card's "Hide this term" stops a term being highlighted anywhere; it is listed here to bring
        it back.
      </p>
    );
  }
  const names = new Map(glossary.map((entry) => [entry.id, entry.term]));
  return (
    <ul class="hidden-terms">
      {hidden.map((id) => {
        // A term a later glossary dropped is listed by its id, so it can still be cleared.
        const name = names.get(id) ?? id;
        return (
          <li key={id}>
            <span class="hidden-term-name">{name}</span>
            <button type="button" aria-label={`Show again: ${name}`} onClick={() => onShowAgain(id)}>
              Show again
            </button>
          </li>
        );
      })}
    </ul>
  );
}
