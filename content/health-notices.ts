/*
 * The editors' standing notices, shown wherever the series or its glossary is: data, so the card
 * (in pages) and the extension's own pages say the same words without sharing UI code.
 */

/** Shown with every summary and every part of the series. */
export const NOT_MEDICAL_ADVICE = 'Educational content, not medical advice.';
