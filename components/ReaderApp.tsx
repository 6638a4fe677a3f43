import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry, Part } from '@/content/types';
import { createSeriesSearch } from '@/utils/series-search';
import { MedicalNote } from './MedicalNote';
import { SearchPanel } from './SearchPanel';
import { SeriesReader } from './SeriesReader';
import { useScrollToAnchor } from './useScrollToAnchor';

export interface ReaderAppProps {
  parts: readonly Part[];
  glossary: readonly GlossaryEntry[];
}

function anchorFromHash(): string | null {
  const hash = decodeURI(location.hash.slice(1));
  return hash === '' ? null : hash;
}

/** The series in a tab of its own, opened at the part or section named in the URL's hash. */
export function ReaderApp({ parts, glossary }: ReaderAppProps) {
  const [target, setTarget] = useState<string | null>(anchorFromHash);
  const search = useMemo(() => createSeriesSearch(parts, glossary), [parts, glossary]);
  useScrollToAnchor(target);

  useEffect(() => {
    const onHashChange = () => setTarget(anchorFromHash());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);

  return (
    <main class="reader">
      <header>
        <h1>Ketamine vs. SSRI</h1>
        <MedicalNote />
      </header>
      <SearchPanel search={search} onSelect={(anchor) => (location.hash = anchor)} />
      <SeriesReader parts={parts} targetAnchor={target} />
    </main>
  );
}
