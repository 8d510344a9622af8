/**
 * A Fathom summary's markdown, reduced to the small set of things the window draws: headings,
 * paragraphs, lists, quotes, code, emphasis and links to Fathom's and Zoom's hosts. marked's
 * lexer reads the markdown (only its tokens are used, never its HTML output); this turns them
 * into plain data the SummaryMarkdown component renders with React elements. Raw HTML in the
 * markdown is dropped, images become their alt text, and a link that summary-links.ts does not
 * allow becomes its text: nothing from the summary can become markup, script or a navigation.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { summaryLink, type SummaryLink } from './summary-links.ts';

export type SummaryInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'del'; children: SummaryInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; link: SummaryLink; children: SummaryInline[] }
  | { kind: 'break' };

export type SummaryBlock =
  | { kind: 'heading'; depth: number; children: SummaryInline[] }
  | { kind: 'paragraph'; children: SummaryInline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: SummaryListItem[] }
  | { kind: 'quote'; children: SummaryBlock[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

export interface SummaryListItem {
  /** A GitHub task list's box: true or false when the item has one, null otherwise. */
  checked: boolean | null;
  children: SummaryBlock[];
}

/** The named entities marked leaves in text (it decodes numeric ones itself). */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&([a-z]+);/giu, (whole, name: string) => ENTITIES[name] ?? whole);
}

export function parseSummaryMarkdown(markdown: string): SummaryBlock[] {
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(markdown);
  return blocks(tokens);
}

function blocks(tokens: readonly Token[]): SummaryBlock[] {
  return tokens.flatMap((token): SummaryBlock[] => block(token));
}

function block(token: Token): SummaryBlock[] {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      return [{ kind: 'heading', depth: heading.depth, children: inlines(heading.tokens) }];
    }
    case 'paragraph':
      return paragraph(inlines((token as Tokens.Paragraph).tokens));
    case 'text': {
      // A tight list item's text: inline tokens of its own, or plain text.
      const text = token as Tokens.Text;
      return paragraph(text.tokens ? inlines(text.tokens) : plain(text.text));
    }
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return [
        {
          kind: 'list',
          ordered: list.ordered,
          start,
          items: list.items.map((item) => ({
            checked: item.task ? item.checked === true : null,
            children: blocks(item.tokens.filter((t) => t.type !== 'checkbox')),
          })),
        },
      ];
    }
    case 'blockquote':
      return [{ kind: 'quote', children: blocks((token as Tokens.Blockquote).tokens) }];
    case 'code':
      return [{ kind: 'code', text: (token as Tokens.Code).text }];
    case 'hr':
      return [{ kind: 'rule' }];
    case 'table': {
      // A table is rare in a summary: each row becomes a line of its cells.
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].flatMap((row) =>
        paragraph(
          row.flatMap((cell, index) => [
            ...(index > 0 ? plain(' · ') : []),
            ...inlines(cell.tokens),
          ]),
        ),
      );
    }
    case 'html':
    case 'space':
    case 'def':
      return [];
    default: {
      // Anything marked adds later is kept as its text, never as markup.
      const text = 'text' in token && typeof token.text === 'string' ? token.text : '';
      return paragraph(plain(text));
    }
  }
}

function paragraph(children: SummaryInline[]): SummaryBlock[] {
  const hasContent = children.some((child) => child.kind !== 'text' || child.text.trim() !== '');
  return hasContent ? [{ kind: 'paragraph', children }] : [];
}

function plain(text: string): SummaryInline[] {
  return text === '' ? [] : [{ kind: 'text', text: decodeEntities(text) }];
}

function inlines(tokens: readonly Token[] | undefined): SummaryInline[] {
  return (tokens ?? []).flatMap((token) => inline(token));
}

function inline(token: Token): SummaryInline[] {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inlines(text.tokens) : plain(text.text);
    }
    case 'escape':
      return plain((token as Tokens.Escape).text);
    case 'strong':
    case 'em':
    case 'del':
      return [
        {
          kind: token.type,
          children: inlines((token as Tokens.Strong | Tokens.Em | Tokens.Del).tokens),
        },
      ];
    case 'codespan':
      return [{ kind: 'code', text: decodeEntities((token as Tokens.Codespan).text) }];
    case 'br':
      return [{ kind: 'break' }];
    case 'link': {
      const link = token as Tokens.Link;
      const children = inlines(link.tokens);
      const target = summaryLink(link.href);
      return target ? [{ kind: 'link', link: target, children }] : children;
    }
    case 'image':
      // No remote images (the CSP would refuse them anyway): the words stand in.
      return plain((token as Tokens.Image).text);
    case 'html':
      return [];
    default: {
      const text = 'text' in token && typeof token.text === 'string' ? token.text : '';
      return plain(text);
    }
  }
}
