import { useEffect, useMemo, useState } from 'preact/hooks';
import { ABOUT_ANCHOR } from '@/content/sections';
import type { GlossaryEntry, Part } from '@/content/types';
import { createSeriesSearch } from '@/utils/series-search';
import { AboutContent } from './AboutContent';
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

  if (target === ABOUT_ANCHOR) return <AboutContent parts={parts} />;

  return (
    <main class="reader">
      <header>
        <h1>Ketamine vs. SSRI</h1>
        <MedicalNote />
        <a href={`#${ABOUT_ANCHOR}`}>About this content</a>
      </header>
      <SearchPanel search={search} onSelect={(anchor) => (location.hash = anchor)} />
      <SeriesReader parts={parts} targetAnchor={target} />
    </main>
  );
}
