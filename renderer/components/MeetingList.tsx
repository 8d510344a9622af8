import {
  defaultRangeExtractor,
  measureElement,
  useWindowVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import {
  Fragment,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type RefObject,
} from 'react';
import type { Meeting } from '../../preload/contract.ts';
import {
  groupMeetingsForDay,
  meetingListLayout,
  type MeetingGroupId,
  type MeetingListItem,
  type MeetingListLayout,
} from '../time/group-meetings.ts';
import type { TimeFormat } from '../time/time-format.ts';
import { MeetingRow } from './MeetingRow.tsx';

interface MeetingListProps {
  meetings: readonly Meeting[];
  /** Today as `YYYY-MM-DD` in the display zone: grouping is recomputed per day, not per render. */
  today: string;
  format: TimeFormat;
  onJoin: (meeting: Meeting) => void;
  onCopy: (meeting: Meeting) => void;
}

/** First guesses of the heights (px) before a row is measured; rows that wrap are measured. */
const ROW_ESTIMATE = 53;
const HEADING_ESTIMATE = 30;
/** Rows kept beyond each edge of the window (few: each one is paid for on the first paint). */
const OVERSCAN = 2;
/** Rows kept on each side of the focused one, so Tab and Shift+Tab always find the next. */
const AROUND_FOCUS = 6;

/**
 * The meetings, grouped Today / Tomorrow / Later / No fixed time, rendering only what the window
 * shows (with @tanstack/react-virtual, over the page's own scroll). Each group stays a list
 * named after the group, and each row says where it is in it (`aria-posinset` of
 * `aria-setsize`), so screen readers count the whole group. The row holding focus stays
 * rendered when it scrolls away, so focus is never dropped.
 */
export function MeetingList({ meetings, today, format, onJoin, onCopy }: MeetingListProps) {
  const groups = useMemo(
    () => groupMeetingsForDay(meetings, today, format),
    [meetings, today, format],
  );
  const layout = useMemo(() => meetingListLayout(groups), [groups]);
  if (layout.count === 0) {
    return (
      <div className="empty" data-testid="no-meetings">
        <p className="empty__title">No upcoming meetings</p>
        <p className="muted">Meetings you schedule in Zoom will show up here.</p>
      </div>
    );
  }
  return <VirtualMeetingList layout={layout} format={format} onJoin={onJoin} onCopy={onCopy} />;
}

function VirtualMeetingList({
  layout,
  format,
  onJoin,
  onCopy,
}: Omit<MeetingListProps, 'meetings' | 'today'> & { layout: MeetingListLayout }) {
  const listRef = useRef<HTMLDivElement>(null);
  const offsetInPage = useOffsetInPage(listRef, layout);
  const scrollMargin = offsetInPage ?? 0;
  // By key, not index: a refresh may move the focused meeting to another place in the list.
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const focused = useMemo(() => {
    const index = focusedKey === null ? -1 : layout.indexOf(focusedKey);
    return index === -1 ? undefined : index;
  }, [layout, focusedKey]);

  // Stable per list: the virtualizer lays out every item again when these change identity.
  const estimateSize = useCallback(
    (index: number) => (layout.isHeading(index) ? HEADING_ESTIMATE : ROW_ESTIMATE),
    [layout],
  );
  const getItemKey = useCallback((index: number) => layout.key(index) ?? index, [layout]);

  const virtualizer = useWindowVirtualizer<HTMLElement>({
    count: layout.count,
    estimateSize,
    getItemKey,
    measureElement: measuredOrEstimated,
    overscan: OVERSCAN,
    scrollMargin,
    // Laid out once the list's place in the page is known (before the first paint): laying out
    // 10,000 entries for a guessed place and again for the real one would be paid twice.
    enabled: offsetInPage !== null,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // What is in view, plus the focused row and its neighbours: Tab and Shift+Tab find the next
    // row in the page even before the scroll that focusing caused has been reported, and a row
    // scrolled away keeps its focus.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      if (focused === undefined) return indexes;
      const near = new Set(indexes);
      const last = Math.min(range.count - 1, focused + AROUND_FOCUS);
      for (let index = Math.max(0, focused - AROUND_FOCUS); index <= last; index += 1)
        near.add(index);
      return [...near].sort((a, b) => a - b);
    },
  });

  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const index = (event.target as Element).closest('[data-index]')?.getAttribute('data-index');
      if (index == null) return;
      setFocusedKey(layout.key(Number(index)) ?? null);
      // The browser scrolls the focused row into view, but rows measured just after (taller or
      // shorter than estimated) can move it out again; the virtualizer keeps it in view until
      // the layout settles. A row already in view is left where it is.
      virtualizer.scrollToIndex(Number(index), { align: 'auto' });
    },
    [layout, virtualizer],
  );
  const onBlur = useCallback((event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedKey(null);
  }, []);

  // Each group: its heading when in view, then one <ul> with its rendered rows. A group's rows
  // always share that one list (they are placed absolutely, so gaps do not show), so a row never
  // moves to another parent — which would remount it and drop its focus.
  const parts = new Map<MeetingGroupId, { heading?: Placed<'heading'>; rows: Placed<'row'>[] }>();
  for (const virtual of virtualizer.getVirtualItems()) {
    const item = layout.item(virtual.index);
    if (!item) continue;
    const part = parts.get(item.group.id) ?? { rows: [] };
    parts.set(item.group.id, part);
    const offset = virtual.start - scrollMargin;
    if (item.kind === 'heading') part.heading = { item, index: virtual.index, offset };
    else part.rows.push({ item, index: virtual.index, offset });
  }

  return (
    <div
      ref={listRef}
      className="meeting-list"
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {[...parts].map(([id, { heading, rows }]) => (
        <Fragment key={id}>
          {heading ? (
            <h3
              ref={virtualizer.measureElement}
              id={`group-${id}`}
              data-index={heading.index}
              className="group__title meeting-list__item"
              style={{ transform: `translateY(${heading.offset}px)` }}
            >
              {heading.item.group.label}
            </h3>
          ) : null}
          {rows.length > 0 ? (
            <ul
              className="group__list"
              // Named by its heading while that is rendered, by the same words when scrolled away.
              {...(heading
                ? { 'aria-labelledby': `group-${id}` }
                : { 'aria-label': rows[0]!.item.group.label })}
            >
              {rows.map(({ item, index, offset }) => (
                <MeetingRow
                  key={item.key}
                  row={item}
                  format={format}
                  index={index}
                  offset={offset}
                  position={item.position}
                  setSize={item.group.meetings.length}
                  measure={virtualizer.measureElement}
                  onJoin={onJoin}
                  onCopy={onCopy}
                />
              ))}
            </ul>
          ) : null}
        </Fragment>
      ))}
    </div>
  );
}

/** An item of the list with its index in the layout and its offset from the list's top. */
interface Placed<Kind extends MeetingListItem['kind']> {
  item: Extract<MeetingListItem, { kind: Kind }>;
  index: number;
  offset: number;
}

/**
 * Where `ref`'s element starts in the page, which the window virtualizer needs to know what of
 * the list the window shows; null until the element is laid out. Measured when `content`
 * changes and whenever the page's size changes (a banner above the list comes or goes). While
 * the whole page fits in the window the page does not change size, but then the overscan covers
 * any stale offset.
 */
function useOffsetInPage(ref: RefObject<HTMLElement | null>, content: unknown): number | null {
  const [offset, setOffset] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setOffset(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref, content]);
  return offset;
}

/**
 * The element's height as the virtualizer measures it; the estimate where the page has no
 * layout (a height of 0, which a rendered row or heading never has in a browser).
 */
function measuredOrEstimated(
  element: HTMLElement,
  entry: ResizeObserverEntry | undefined,
  virtualizer: Virtualizer<Window, HTMLElement>,
): number {
  const size = measureElement(element, entry, virtualizer);
  return size > 0 ? size : virtualizer.options.estimateSize(virtualizer.indexFromElement(element));
}
