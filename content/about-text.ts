/*
 * The editors' words on the reader's "About this content" page (components/AboutContent.tsx): what
 * the series and the glossary are, and whose words are whose. The lists of parts, the glossary's
 * review date (glossary.ts) and the help lines' sources (help-lines.json) come from their own data.
 */
import { EDITORS_NOTE_LABEL, HELP_NOW_TITLE } from './health-notices';

export const ABOUT_TEXT = {
  title: 'About this content',
  series:
    'Ketamine vs. SSRI is an article series that compares ketamine therapy with SSRIs (Selective Serotonin Reuptake Inhibitors). The extension carries its published text word for word and shows parts that are announced but not yet written by their titles only, never filled in.',
  glossary:
    'The glossary is the list of terms the extension highlights on the pages you read. Each term’s card gives a short summary that quotes or condenses the section of the series it cites, names that section, and lets you read on there.',
  articleWords: 'The article’s words: the series itself, and the summary on each card, which adds nothing of its own.',
  editorsWords: `The editors’ words: every line labelled “${EDITORS_NOTE_LABEL}” on a card, the pointer to help lines on cards about conditions such as depression, the “${HELP_NOW_TITLE}” entry in the toolbar popup, the note that this is not medical advice, and this page.`,
  helpLines:
    'Each help line below was taken from the service’s own official pages, on the day shown, and is due to be checked again within a year of it. The extension never contacts these services or the directory by itself: a page opens, or your phone dials, only when you choose a link.',
  notAdvice:
    'Nothing here is medical advice. The series and the glossary explain and compare; they do not tell anyone what to do about their own health. Talk to the person who prescribes your medicine, or another health professional, about any treatment.',
} as const;
