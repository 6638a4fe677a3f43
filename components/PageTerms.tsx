import { useState } from 'preact/hooks';
import type { GlossaryEntry } from '@/content/types';
import './page-terms.css';

export interface PageTermsProps {
  /** Highlighted occurrences per glossary term id, as the page reported them. */
  termCounts: Readonly<Record<string, number>>;
  glossary: readonly GlossaryEntry[];
  /** Scrolls the page to the term's first occurrence and opens its card; false when it is gone. */
  onShow: (termId: string) => Promise<boolean>;
}

interface Listed {
  id: string;
  term: string;
  count: number;
}

/**
 * The terms highlighted on the current page, most frequent first: a way in for keyboard and
 * screen-reader users, since highlights themselves take no focus.
 */
export function PageTerms({ termCounts, glossary, onShow }: PageTermsProps) {
  const [missing, setMissing] = useState<string | null>(null);
  const listed = glossary
    .flatMap((entry): Listed[] => {
      const count = termCounts[entry.id];
      return typeof count === 'number' && count > 0 ? [{ id: entry.id, term: entry.term, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
  if (listed.length === 0) return null;

  const show = async (entry: Listed) => {
    setMissing(null);
    const shown = await onShow(entry.id).catch(() => false);
    if (!shown) setMissing(entry.term);
  };

  return (
    <section class="page-terms" aria-labelledby="page-terms-title">
      <h2 id="page-terms-title">On this page</h2>
      <ul>
        {listed.map((entry) => (
          <li key={entry.id}>
            {/* Named by what it shows (WCAG 2.5.3), read as "SSRI, 3 times". */}
            <button type="button" class="page-term" onClick={() => void show(entry)}>
              {entry.term}
              <span class="visually-hidden">, </span>
              <span class="page-term-count">{entry.count}</span>
              <span class="visually-hidden">{entry.count === 1 ? ' time' : ' times'}</span>
            </button>
          </li>
        ))}
      </ul>
      <p class="muted" role="status">
        {missing === null ? '' : `“${missing}” is no longer on the page.`}
      </p>
    </section>
  );
}
