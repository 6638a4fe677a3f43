import { blockText } from './series';
import type { Part } from './types';

/**
 * The paragraph the first-run page offers to try cards on: quoted word for word from the series
 * (never written for the page), and chosen for holding several terms in a few lines.
 */
export const FIRST_RUN_SAMPLE = { part: 'part-1', section: 'beyond-daily-medication', block: 0, item: 0 } as const;

/** The sample's text and where it comes from, read from the series; null if the series no longer has it. */
export function firstRunSample(
  parts: readonly Part[],
  where: { part: string; section: string; block: number; item: number } = FIRST_RUN_SAMPLE,
): { text: string; source: string } | null {
  const part = parts.find((candidate) => candidate.id === where.part);
  const section = part?.sections.find((candidate) => candidate.id === where.section);
  const block = section?.blocks[where.block];
  if (!part || !section || !block) return null;
  const text =
    block.kind === 'list' ? blockText({ kind: 'paragraph', inlines: block.items[where.item] ?? [] }) : blockText(block);
  return text === '' ? null : { text, source: `${part.label}, ${section.title}` };
}
