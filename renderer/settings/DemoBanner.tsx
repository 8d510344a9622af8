import { ConnectAccountButton } from './ConnectAccountButton.tsx';

/** Over the demo's sample data: it says it is a demo, and how to use a real account instead. */
export function DemoBanner({ onConnect }: { onConnect: () => void }) {
  return (
    <div className="notice notice--info" data-testid="demo-banner">
      <p>Demo mode — a sample account with sample meetings, not your Zoom.</p>
      <ConnectAccountButton onClick={onConnect} />
    </div>
  );
}
