import { sectionAnchor } from '@/content/sections';
import type { Block, Inline, Part, Section } from '@/content/types';

export interface SeriesReaderProps {
  parts: readonly Part[];
  /** The part or section to mark as the one the reader was sent to. */
  targetAnchor?: string | null;
}

/** The whole series, part by part; announced parts show as announced, never with stand-in text. */
export function SeriesReader({ parts, targetAnchor }: SeriesReaderProps) {
  return (
    <div class="series">
      <nav aria-label="Parts of the series" class="toc">
        <ol>
          {parts.map((part) => (
            <li key={part.id}>
              <a href={`#${part.id}`}>{part.heading}</a>
              {part.status === 'announced' && <span class="badge">Announced</span>}
            </li>
          ))}
        </ol>
      </nav>
      {parts.map((part) => (
        <article
          key={part.id}
          id={part.id}
          tabIndex={-1}
          class={`part${targetAnchor === part.id ? ' is-target' : ''}`}
          aria-labelledby={`${part.id}-heading`}
        >
          <h2 id={`${part.id}-heading`}>{part.heading}</h2>
          {part.status === 'announced' ? (
            <p class="announced">Announced: this part has not been published yet.</p>
          ) : (
            part.sections.map((section) => (
              <SectionView
                key={section.id}
                section={section}
                anchor={sectionAnchor(part.id, section.title)}
                isTarget={targetAnchor === sectionAnchor(part.id, section.title)}
              />
            ))
          )}
        </article>
      ))}
    </div>
  );
}

function SectionView({ section, anchor, isTarget }: { section: Section; anchor: string; isTarget: boolean }) {
  return (
    <section
      id={anchor}
      tabIndex={-1}
      class={`section${isTarget ? ' is-target' : ''}`}
      aria-current={isTarget ? 'location' : undefined}
    >
      <h3>{section.title}</h3>
      {section.blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </section>
  );
}

function BlockView({ block }: { block: Block }) {
  if (block.kind === 'paragraph') return <p>{renderInlines(block.inlines)}</p>;
  return (
    <ul>
      {block.items.map((item, index) => (
        <li key={index}>{renderInlines(item)}</li>
      ))}
    </ul>
  );
}

function renderInlines(inlines: readonly Inline[]) {
  return inlines.map((inline, index) => {
    if (inline.kind === 'strong') return <strong key={index}>{inline.text}</strong>;
    if (inline.kind === 'emphasis') return <em key={index}>{inline.text}</em>;
    return inline.text;
  });
}
