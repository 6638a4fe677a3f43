import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { seriesParts } from './parts';
import { sectionId } from './sections';
import type { Block, Inline, Part, PartMeta, Section } from './types';

const partSources = import.meta.glob<string>('./series/*.md', { query: '?raw', import: 'default', eager: true });

/** Turns one part's Markdown into sections: each `##` heading opens a section; text before the first is refused. */
export function parsePartMarkdown(markdown: string, where: string): Section[] {
  const sections: Section[] = [];
  for (const node of fromMarkdown(markdown).children) {
    if (node.type === 'heading' && node.depth === 2) {
      const title = plainText(node);
      sections.push({ id: sectionId(title), title, blocks: [], text: title });
      continue;
    }
    const current = sections.at(-1);
    if (!current) throw new Error(`${where}: text before the first "## " section heading`);
    const block = toBlock(node, where);
    current.blocks.push(block);
    current.text += `\n${blockText(block)}`;
  }
  return sections;
}

export function loadPart(meta: PartMeta, sources: Record<string, string> = partSources): Part {
  if (meta.file === undefined) return { ...meta, status: 'announced', sections: [] };
  const markdown = sources[`./series/${meta.file}`];
  if (markdown === undefined) throw new Error(`Part "${meta.id}" names ${meta.file}, which is not in content/series/`);
  return { ...meta, status: 'published', sections: parsePartMarkdown(markdown, meta.file) };
}

/** The whole series, parsed once; only the popup and reader import this (it carries the article text). */
export const series: readonly Part[] = seriesParts.map((meta) => loadPart(meta));

export function blockText(block: Block): string {
  if (block.kind === 'paragraph') return inlineText(block.inlines);
  return block.items.map(inlineText).join('\n');
}

function inlineText(inlines: Inline[]): string {
  return inlines.map((inline) => inline.text).join('');
}

function toBlock(node: RootContent, where: string): Block {
  if (node.type === 'paragraph') return { kind: 'paragraph', inlines: toInlines(node.children, where) };
  if (node.type === 'list') {
    return {
      kind: 'list',
      items: node.children.map((item) =>
        item.children.flatMap((child) => {
          if (child.type !== 'paragraph') throw unsupported(child, where);
          return toInlines(child.children, where);
        }),
      ),
    };
  }
  throw unsupported(node, where);
}

function toInlines(children: PhrasingContent[], where: string): Inline[] {
  return children.map((child): Inline => {
    if (child.type === 'text') return { kind: 'text', text: child.value };
    if (child.type === 'strong') return { kind: 'strong', text: plainText(child) };
    if (child.type === 'emphasis') return { kind: 'emphasis', text: plainText(child) };
    throw unsupported(child, where);
  });
}

function plainText(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}

function unsupported(node: Nodes, where: string): Error {
  const line = node.position?.start.line ?? '?';
  return new Error(
    `${where}:${line}: "${node.type}" is not supported in the series; use paragraphs, lists, bold and italics`,
  );
}
