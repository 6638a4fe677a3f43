import { MEDICINE_SAFETY_NOTE } from '@/content/health-notices';
import { sectionAnchor } from '@/content/sections';
import type { Citation, GlossaryEntry, PartMeta } from '@/content/types';

/** Everything a card shows about a term: no article text beyond the entry's own summary. */
export interface TermExplanation {
  id: string;
  term: string;
  /** The article's words only, as the glossary has them. */
  summary: string;
  source: CitationLink;
  related: { id: string; term: string }[];
  /** The editors' notes, shown apart from the summary and labelled as theirs: never part of it. */
  editorsNotes: string[];
  /** A condition's card: it ends with a pointer to help lines (unless the reader switched them off). */
  pointsToHelp: boolean;
}

export interface CitationLink {
  /** "Part I · Beyond Daily Medication" */
  label: string;
  /** Where the series reader opens: see `sectionAnchor`. */
  anchor: string;
}

export function citationLink(citation: Citation, parts: readonly PartMeta[]): CitationLink {
  const part = parts.find((candidate) => candidate.id === citation.part);
  const partLabel = part?.label ?? citation.part;
  return {
    label: citation.section === undefined ? partLabel : `${partLabel} · ${citation.section}`,
    anchor: sectionAnchor(citation.part, citation.section),
  };
}

export function explainTerm(
  entry: GlossaryEntry,
  parts: readonly PartMeta[],
  glossary: readonly GlossaryEntry[],
): TermExplanation {
  return {
    id: entry.id,
    term: entry.term,
    summary: entry.summary,
    source: citationLink(entry.citations[0], parts),
    related: (entry.related ?? []).flatMap((id) => {
      const other = glossary.find((candidate) => candidate.id === id);
      return other ? [{ id: other.id, term: other.term }] : [];
    }),
    editorsNotes: editorsNotesOf(entry),
    pointsToHelp: entry.condition === true,
  };
}

/** What the editors add to a term's card: the medicine safety note first, then the entry's own note. */
export function editorsNotesOf(entry: GlossaryEntry): string[] {
  return [...(entry.medicine ? [MEDICINE_SAFETY_NOTE] : []), ...(entry.editorsNote ? [entry.editorsNote] : [])];
}

/** Every term's card, by term id: what the card script carries (pages get only the matcher). */
export function explainGlossary(
  glossary: readonly GlossaryEntry[],
  parts: readonly PartMeta[],
): ReadonlyMap<string, TermExplanation> {
  return new Map(glossary.map((entry) => [entry.id, explainTerm(entry, parts, glossary)]));
}
