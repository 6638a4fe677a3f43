import { useMemo, useState } from 'preact/hooks';
import type { SearchResult, SeriesSearch } from '@/utils/series-search';

export interface SearchPanelProps {
  search: SeriesSearch;
  onSelect: (anchor: string) => void;
}

/** Fuzzy search over sections and terms; choosing a result opens the reader there. */
export function SearchPanel({ search, onSelect }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const results = useMemo(() => search.search(query), [search, query]);
  const trimmed = query.trim();
  return (
    <search class="search">
      <label class="visually-hidden" for="series-search">
        Search the series
      </label>
      <input
        id="series-search"
        type="search"
        placeholder="Search terms and sections…"
        autoComplete="off"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {trimmed.length >= 2 && (
        <ul class="results" aria-label="Search results">
          {results.length === 0 && <li class="no-results">Nothing in the series matches “{trimmed}”.</li>}
          {results.map((result) => (
            <li key={`${result.kind}:${result.anchor}:${result.title}`}>
              <button type="button" class="result" onClick={() => onSelect(result.anchor)}>
                <ResultText result={result} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </search>
  );
}

function ResultText({ result }: { result: SearchResult }) {
  if (result.kind === 'term') {
    return (
      <>
        <span class="result-title">{result.title}</span>
        <span class="result-kind">Term · {result.citationLabel}</span>
        <span class="result-excerpt">{result.summary}</span>
      </>
    );
  }
  return (
    <>
      <span class="result-title">{result.title}</span>
      <span class="result-kind">Section · {result.partLabel}</span>
      {result.excerpt && <span class="result-excerpt">{result.excerpt}…</span>}
    </>
  );
}
