import type { MatchableTerm } from '@/utils/term-matcher';
import { glossary } from './glossary';

/**
 * What pages need of the glossary to find its terms. The summaries, citations and related terms
 * are for the card, whose script brings them when a card is first wanted; the build works this
 * list out ahead of time (wxt.config.ts), so they stay out of the content script.
 */
export const matchableGlossary: readonly MatchableTerm[] = glossary.map(({ id, term, aliases, notWhen }) => ({
  id,
  term,
  aliases,
  ...(notWhen ? { notWhen } : {}),
}));
