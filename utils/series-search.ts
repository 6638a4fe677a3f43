import Fuse from 'fuse.js';
import { sectionAnchor } from '@/content/sections';
import type { GlossaryEntry, Part, PartMeta } from '@/content/types';
import { citationLink } from './term-explanation';

export type SearchResult =
  | { kind: 'section'; title: string; partLabel: string; anchor: string; excerpt: string }
  | { kind: 'term'; title: string; summary: string; anchor: string; citationLabel: string };

interface SearchDocument {
  result: SearchResult;
  title: string;
  aliases: string[];
  body: string;
}

export interface SeriesSearch {
  search(query: string, limit?: number): SearchResult[];
}

/** Fuzzy search over the series' sections and the glossary, so that "glutamte" still finds glutamate. */
export function createSeriesSearch(
  parts: readonly Part[],
  glossary: readonly GlossaryEntry[],
  partMetas: readonly PartMeta[] = parts,
): SeriesSearch {
  const documents: SearchDocument[] = [
    ...glossary.map((entry): SearchDocument => {
      const citation = citationLink(entry.citations[0], partMetas);
      return {
        result: {
          kind: 'term',
          title: entry.term,
          summary: entry.summary,
          anchor: citation.anchor,
          citationLabel: citation.label,
        },
        title: entry.term,
        aliases: entry.aliases,
        body: entry.summary,
      };
    }),
    ...parts.flatMap((part) =>
      part.sections.map(
        (section): SearchDocument => ({
          result: {
            kind: 'section',
            title: section.title,
            partLabel: part.label,
            anchor: sectionAnchor(part.id, section.title),
            excerpt: section.text.slice(section.title.length + 1, section.title.length + 161),
          },
          title: section.title,
          aliases: [],
          body: section.text,
        }),
      ),
    ),
    ...parts
      .filter((part) => part.status === 'announced')
      .map(
        (part): SearchDocument => ({
          result: { kind: 'section', title: part.heading, partLabel: part.label, anchor: part.id, excerpt: '' },
          title: part.heading,
          aliases: [],
          body: '',
        }),
      ),
  ];

  const fuse = new Fuse(documents, {
    keys: [
      { name: 'title', weight: 3 },
      { name: 'aliases', weight: 2 },
      { name: 'body', weight: 1 },
    ],
    // Words can sit anywhere in a long section, so position must not count against a match.
    ignoreLocation: true,
    threshold: 0.35,
    minMatchCharLength: 2,
  });

  return {
    search(query, limit = 8) {
      const trimmed = query.trim();
      if (trimmed.length < 2) return [];
      return fuse.search(trimmed, { limit }).map((hit) => hit.item.result);
    },
  };
}
