/** A part of the series as announced in `series/parts.json`; `file` is absent until its text exists. */
export interface PartMeta {
  id: string;
  /** Short name used in citations, e.g. "Part I". */
  label: string;
  title: string;
  /** The part's heading exactly as the series prints it. */
  heading: string;
  file?: string;
}

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'emphasis'; text: string };

export type Block = { kind: 'paragraph'; inlines: Inline[] } | { kind: 'list'; items: Inline[][] };

export interface Section {
  /** Stable within its part: the slug of the heading. */
  id: string;
  title: string;
  blocks: Block[];
  /** Heading and body as plain text, for search and for checking citations. */
  text: string;
}

export interface Part extends PartMeta {
  status: 'published' | 'announced';
  sections: Section[];
}

/** Points at a section by its heading, so editors cite what they read; omit `section` to cite a whole part. */
export interface Citation {
  part: string;
  section?: string;
}

export interface GlossaryEntry {
  id: string;
  /** The name shown on the card. Matched too. */
  term: string;
  /**
   * Other spellings that mean the same term. A plural "s"/"es" and a possessive "'s" are matched
   * without listing them. Aliases written in capitals (acronyms such as "SSRI") match only in capitals.
   */
  aliases: string[];
  /**
   * Phrases in which the term means something else ("the Great Depression", "a tropical depression"):
   * an occurrence inside one of them is not highlighted.
   */
  notWhen?: string[];
  /** One or two sentences, quoted or condensed from the cited text; never a claim of our own. */
  summary: string;
  citations: [Citation, ...Citation[]];
  related?: string[];
  /**
   * The term names a medicine or a way of taking one (SSRI, ketamine, daily medication): its card
   * carries the editors' medicine safety note (`MEDICINE_SAFETY_NOTE` in health-notices.ts).
   */
  medicine?: true;
  /**
   * The term names a condition people live with (depression, anxiety): its card ends with a pointer
   * to help lines, unless the reader switched them off.
   */
  condition?: true;
  /**
   * A note of the editors' own about this term, shown on its card apart from the summary and
   * labelled as the editors'. The summary stays the article's words only.
   */
  editorsNote?: string;
}
