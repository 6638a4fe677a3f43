import type { ComponentChildren } from 'preact';

/** The sites whose name holds what the reader typed (case aside), in their order. */
export function sitesMatching<T extends { name: string }>(sites: readonly T[], typed: string): readonly T[] {
  const needle = typed.trim().toLowerCase();
  return needle === '' ? sites : sites.filter((site) => site.name.includes(needle));
}

/** "Find a site": a search field over a long list of sites, with what follows it on its line. */
export function SiteFinder({
  id,
  value,
  onChange,
  children,
}: {
  id: string;
  value: string;
  onChange: (typed: string) => void;
  children?: ComponentChildren;
}) {
  return (
    <p>
      <label for={id}>Find a site</label>{' '}
      <input
        id={id}
        type="search"
        autocomplete="off"
        value={value}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      {children}
    </p>
  );
}
