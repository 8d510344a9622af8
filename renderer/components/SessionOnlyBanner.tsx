import type { Notice } from '../../preload/contract.ts';

/** The keychain is unavailable: tokens live only for this run. Shown on every screen. */
export function SessionOnlyBanner({ notice }: { notice: Notice }) {
  return (
    <p className="banner banner--warning" data-testid="session-only">
      {notice.message}
    </p>
  );
}
