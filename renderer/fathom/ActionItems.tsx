import type { FathomNoteActionItem } from '../../preload/contract.ts';
import { assigneeLabel, shortTimestamp } from './note-view.ts';

interface ActionItemsProps {
  items: readonly FathomNoteActionItem[];
  /** Labels the list: "Action items from <title>". */
  noteTitle: string;
  onPlay: (item: FathomNoteActionItem) => void;
}

/**
 * A note's action items, the person's own first (main sorts them and marks them `mine`): each
 * with who it is for ("You" for the person), a tick and a line through when it is done, and a
 * button that plays the recording from the moment it was said.
 */
export function ActionItems({ items, noteTitle, onPlay }: ActionItemsProps) {
  if (items.length === 0) return <p className="muted note__none">No action items.</p>;
  return (
    <ul className="action-items" aria-label={`Action items from ${noteTitle}`}>
      {items.map((item, index) => (
        <li
          key={`${index}:${item.timestamp}`}
          className={`action-item${item.completed ? ' action-item--done' : ''}${item.mine ? ' action-item--mine' : ''}`}
          data-testid="action-item"
        >
          <span className="action-item__mark" aria-hidden="true">
            {item.completed ? '✓' : '○'}
          </span>
          <div className="action-item__text">
            <p className="action-item__description">
              {item.completed ? <span className="visually-hidden">Done: </span> : null}
              {item.completed ? <s>{item.description}</s> : item.description}
            </p>
            <p className="action-item__meta">
              {item.mine ? (
                <span className="badge badge--mine">You</span>
              ) : (
                <span className="action-item__assignee">{assigneeLabel(item)}</span>
              )}
              {item.playbackUrl ? (
                <button
                  type="button"
                  className="button button--quiet button--tiny"
                  aria-label={`Play from ${shortTimestamp(item.timestamp)} in Fathom`}
                  onClick={() => onPlay(item)}
                >
                  ▶ {shortTimestamp(item.timestamp)}
                </button>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
