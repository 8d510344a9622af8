import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { summaryLink } from '../../renderer/fathom/summary-links.ts';
import { parseSummaryMarkdown } from '../../renderer/fathom/summary-markdown.ts';
import { SummaryMarkdown } from '../../renderer/fathom/SummaryMarkdown.tsx';

function renderSummary(markdown: string) {
  const onOpenLink = vi.fn();
  const view = render(<SummaryMarkdown markdown={markdown} onOpenLink={onOpenLink} />);
  return { onOpenLink, root: view.container.querySelector('.summary')! };
}

/** Every element the summary produced, by tag name. */
function tags(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((element) => element.tagName.toLowerCase());
}

const ALLOWED_TAGS = new Set([
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'a',
  'span',
]);

describe('a summary’s markdown', () => {
  it('draws headings, bullets, bold, emphasis and allowed links', () => {
    const { root, onOpenLink } = renderSummary(
      [
        '## Meeting Purpose',
        '',
        'Renew **Globex** for *another* year: see [the moment](https://fathom.video/calls/1?t=5).',
        '',
        '- first point',
        '- second point',
        '',
        '1. step one',
        '2. step two',
      ].join('\n'),
    );
    expect(screen.getByRole('heading', { level: 4, name: 'Meeting Purpose' })).toBeVisible();
    expect(root.querySelector('strong')).toHaveTextContent('Globex');
    expect(root.querySelector('em')).toHaveTextContent('another');
    expect(root.querySelectorAll('ul > li')).toHaveLength(2);
    expect(root.querySelectorAll('ol > li')).toHaveLength(2);
    const link = screen.getByRole('link', { name: 'the moment' });
    expect(link).toHaveAttribute('href', 'https://fathom.video/calls/1?t=5');
    // Opened by main through the bridge, not followed by the window.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    fireEvent(link, click);
    expect(click.defaultPrevented).toBe(true);
    expect(onOpenLink).toHaveBeenCalledWith({
      url: 'https://fathom.video/calls/1?t=5',
      opener: 'fathom',
    });
  });

  it('never turns HTML in the markdown into elements', () => {
    const { root } = renderSummary(
      [
        'Hello <script>window.__pwned = true</script> <b onclick="x()">bold?</b>',
        '',
        '<img src="x" onerror="window.__pwned = true">',
        '',
        '<div><iframe src="https://evil.example"></iframe></div>',
        '',
        '&lt;script&gt; written out &amp; escaped',
        '',
        '![tracking pixel](https://evil.example/p.png)',
      ].join('\n'),
    );
    for (const tag of tags(root)) expect(ALLOWED_TAGS).toContain(tag);
    expect(root.querySelector('script, img, iframe, b, div')).toBeNull();
    expect(root.innerHTML).not.toMatch(/onerror|onclick|<script/iu);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    // Escaped text reads as the text it stands for, and stays text.
    expect(root).toHaveTextContent('<script> written out & escaped');
    // An image is its words, never a request.
    expect(root).toHaveTextContent('tracking pixel');
  });

  it('keeps javascript:, data:, http: and foreign links inert: their text only', () => {
    const { root } = renderSummary(
      [
        '[one](javascript:alert(1))',
        '[two](JaVaScRiPt:alert(1))',
        '[three](data:text/html,<script>alert(1)</script>)',
        '[four](http://fathom.video/share/x)',
        '[five](https://evil.example/fathom.video)',
        '[six](https://fathom.video.evil.example/x)',
        '[seven](https://user:pw@fathom.video/x)',
        '<javascript:alert(1)>',
      ].join('\n\n'),
    );
    expect(root.querySelectorAll('a')).toHaveLength(0);
    // No attribute at all: the autolink's words are shown as words.
    expect(root.innerHTML).not.toMatch(/href|=/iu);
    for (const word of ['one', 'two', 'three', 'four', 'five', 'six', 'seven'])
      expect(root).toHaveTextContent(word);
  });

  it('admits https links to Fathom’s and Zoom’s hosts only, each to its own opener', () => {
    expect(summaryLink('https://fathom.video/share/a')?.opener).toBe('fathom');
    expect(summaryLink('https://app.fathom.video/x')?.opener).toBe('fathom');
    // The API's host is no place a summary links to; main's opener would refuse it too.
    expect(summaryLink('https://api.fathom.ai/external/v1/meetings')).toBeNull();
    expect(summaryLink('https://us02web.zoom.us/j/123')?.opener).toBe('zoom');
    expect(summaryLink('https://fathom.video:8443/x')).toBeNull();
    expect(summaryLink('https://notfathom.video/x')).toBeNull();
    expect(summaryLink('not a url')).toBeNull();
  });

  it('parses to plain data: text stays text even when it looks like markup', () => {
    const blocks = parseSummaryMarkdown('**<em>hi</em>**');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        children: [{ kind: 'strong', children: [{ kind: 'text', text: 'hi' }] }],
      },
    ]);
  });

  it('puts a summary’s deeper headings one level further down, never past h6', () => {
    renderSummary('# Top\n\n## Second\n\n### Third\n\n###### Sixth');
    expect(screen.getByRole('heading', { name: 'Top' }).tagName).toBe('H4');
    expect(screen.getByRole('heading', { name: 'Second' }).tagName).toBe('H4');
    expect(screen.getByRole('heading', { name: 'Third' }).tagName).toBe('H5');
    expect(screen.getByRole('heading', { name: 'Sixth' }).tagName).toBe('H5');
  });
});
