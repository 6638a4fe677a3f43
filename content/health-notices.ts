/*
 * The editors' standing notices, shown wherever the series or its glossary is: data, so the card
 * (in pages) and the extension's own pages say the same words without sharing UI code. None of
 * these is the article's: wherever they appear they are labelled or placed apart from its words.
 * Help-line wording follows safe-messaging guidance: calm, an offer rather than an alarm.
 */

/** Shown with every summary and every part of the series. */
export const NOT_MEDICAL_ADVICE = 'Educational content, not medical advice.';

/** The label of every note the editors add to a card, so it is never read as the article's. */
export const EDITORS_NOTE_LABEL = "Editors' note";

/** The editors' note on every card of a medicine (glossary entries marked `medicine: true`). */
export const MEDICINE_SAFETY_NOTE = 'Do not start, stop or change a medicine without the person who prescribes it.';

/** The popup's one-line entry to the help lines. */
export const HELP_NOW_TITLE = 'Need help now?';

/** Opens the help in the popup, above the reader's help line. */
export const HELP_NOW_LEAD = 'If things feel hard, you can talk to someone today.';

/** Opens the pointer at the end of a condition's card (glossary entries marked `condition: true`). */
export const HELP_POINTER_LEAD = 'If you would like to talk to someone:';

/** The directory's link where there is a help line for the reader's country too. */
export const HELP_ELSEWHERE = 'Helplines in other countries';

/** The directory's link where there is none (an unknown region, or a country without an entry). */
export const HELP_FIND_ONE = 'Find a helpline near you';
