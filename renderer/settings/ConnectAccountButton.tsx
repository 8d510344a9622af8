/** Demo mode's one way to a real account: the Settings screen's "Zoom account" section. */
export function ConnectAccountButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button button--small" onClick={onClick}>
      Connect your Zoom account
    </button>
  );
}
