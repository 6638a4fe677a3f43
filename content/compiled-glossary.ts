import { type CompiledGlossary, compileGlossary } from '@/utils/glossary-compiler';
import { type GlossarySpellings, spellingsOf } from '@/utils/text-term-counts';
import { glossary } from './glossary';

/**
 * What pages need of the glossary to find its terms: its spellings and exclusions, compiled for the
 * matcher. The summaries, citations and related terms are for the card, whose script brings them
 * when a card is first wanted; the build works this out ahead of time (wxt.config.ts), so neither
 * they nor the compiler are in the content script.
 */
export const compiledGlossary: CompiledGlossary = compileGlossary(glossary);

/** What the gate needs to count a page's terms in its text: the spellings and the terms they spell, no more. */
export const glossarySpellings: GlossarySpellings = spellingsOf(compiledGlossary);
