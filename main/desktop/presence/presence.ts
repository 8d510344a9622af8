/** No keyboard or mouse input for this long and the person counts as away from the computer. */
export const AWAY_AFTER_IDLE_SECONDS = 5 * 60;

/** Whether someone is at the computer, from the system's idle time (seconds since last input). */
export function isUserActive(idleSeconds: number): boolean {
  return Number.isFinite(idleSeconds) && idleSeconds < AWAY_AFTER_IDLE_SECONDS;
}
