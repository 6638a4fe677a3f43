import parts from './series/parts.json';
import type { PartMeta } from './types';

/** The series' parts in reading order, announced ones included. Small enough for every page. */
export const seriesParts: readonly PartMeta[] = parts;
