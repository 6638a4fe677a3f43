import { EDITORS_NOTE_LABEL, HELP_ELSEWHERE, HELP_FIND_ONE, HELP_POINTER_LEAD } from '@/content/health-notices';
import { contactLinks, type HelpChoice, NEW_TAB_LINK } from '@/utils/help-line-choice';
import { controlProps } from './control-activation';

/*
 * What the editors add to a card, kept apart from the article's summary: their labelled notes, the
 * link to "About this content", and the pointer to help lines at the end of a condition's card.
 */

/** The editors' notes on a term, each labelled as theirs and set apart from the summary. */
export function EditorsNotes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <div class="editors-notes">
      {notes.map((note) => (
        <p class="editors-note" key={note}>
          <span class="note-label">{EDITORS_NOTE_LABEL}</span>
          <span class="visually-hidden">:</span> {note}
        </p>
      ))}
    </div>
  );
}

/** Opens "About this content" in the reader: what the series is, and whose words are whose. */
export function AboutLink({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" class="about-link" {...controlProps(onOpen)}>
      About this content
    </button>
  );
}

/**
 * One calm line: the reader's help line when their country has one (its first way of contact), and
 * the international directory. Nothing here loads anything until the reader follows a link.
 */
export function HelpPointer({ choice }: { choice: HelpChoice }) {
  const { line, directory } = choice;
  const first = line ? contactLinks(line)[0] : undefined;
  return (
    <p class="help-pointer">
      {HELP_POINTER_LEAD}{' '}
      {line && first ? (
        <>
          {line.service}, <a href={first.href}>{first.label.toLowerCase()}</a>
          {' · '}
          <a href={directory.website} {...NEW_TAB_LINK}>
            {HELP_ELSEWHERE}
          </a>
        </>
      ) : (
        <a href={directory.website} {...NEW_TAB_LINK}>
          {HELP_FIND_ONE}
        </a>
      )}
    </p>
  );
}
