import { useMemo, type ReactNode } from 'react';
import type { SummaryLink } from './summary-links.ts';
import { parseSummaryMarkdown, type SummaryBlock, type SummaryInline } from './summary-markdown.ts';

interface SummaryMarkdownProps {
  markdown: string;
  /** Opens an allowed link outside the window (Fathom's or Zoom's opener in main). */
  onOpenLink: (link: SummaryLink) => void;
  /** The heading level a summary's top headings take under the note's own heading. */
  headingLevel?: number;
}

/**
 * A summary drawn from summary-markdown.ts's data with React elements only: text is always
 * text, and the only links are allowed https ones, opened through main rather than followed.
 */
export function SummaryMarkdown({ markdown, onOpenLink, headingLevel = 4 }: SummaryMarkdownProps) {
  const parsed = useMemo(() => parseSummaryMarkdown(markdown), [markdown]);
  const render = { onOpenLink, headingLevel };
  return <div className="summary">{parsed.map((b, i) => renderBlock(b, i, render))}</div>;
}

interface RenderOptions {
  onOpenLink: (link: SummaryLink) => void;
  headingLevel: number;
}

function renderBlock(block: SummaryBlock, key: number, options: RenderOptions): ReactNode {
  switch (block.kind) {
    case 'heading': {
      // A summary's own "#" and "##" sit under the note; deeper ones one step further down.
      const level = Math.min(6, options.headingLevel + (block.depth <= 2 ? 0 : 1));
      const Tag = `h${level}` as 'h4';
      return (
        <Tag key={key} className="summary__heading">
          {renderInlines(block.children, options)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children, options)}</p>;
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index} className={item.checked === null ? undefined : 'summary__task'}>
          {item.checked === null ? null : (
            <span className="summary__box" aria-hidden="true">
              {item.checked ? '☑' : '☐'}
            </span>
          )}
          {item.checked === null ? null : (
            <span className="visually-hidden">{item.checked ? 'Done: ' : 'To do: '}</span>
          )}
          {item.children.map((child, i) => renderBlock(child, i, options))}
        </li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'quote':
      return (
        <blockquote key={key}>
          {block.children.map((child, i) => renderBlock(child, i, options))}
        </blockquote>
      );
    case 'code':
      return (
        <pre key={key} className="summary__code">
          <code>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={key} />;
  }
}

function renderInlines(children: readonly SummaryInline[], options: RenderOptions): ReactNode[] {
  return children.map((child, key) => renderInline(child, key, options));
}

function renderInline(inline: SummaryInline, key: number, options: RenderOptions): ReactNode {
  switch (inline.kind) {
    case 'text':
      return inline.text;
    case 'strong':
      return <strong key={key}>{renderInlines(inline.children, options)}</strong>;
    case 'em':
      return <em key={key}>{renderInlines(inline.children, options)}</em>;
    case 'del':
      return <del key={key}>{renderInlines(inline.children, options)}</del>;
    case 'code':
      return <code key={key}>{inline.text}</code>;
    case 'break':
      return <br key={key} />;
    case 'link':
      return (
        <a
          key={key}
          href={inline.link.url}
          rel="noreferrer noopener"
          onClick={(event) => {
            // Opened by main (its allow-list), never followed by the window.
            event.preventDefault();
            options.onOpenLink(inline.link);
          }}
        >
          {renderInlines(inline.children, options)}
        </a>
      );
  }
}
