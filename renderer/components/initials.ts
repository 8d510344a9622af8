/** Up to two letters for the avatar fallback: first and last word of the name, else the email. */
export function initials(name: string, email = ''): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  const letters =
    words.length === 0
      ? [email.trim()]
      : words.length === 1
        ? [words[0] ?? '']
        : [words[0] ?? '', words[words.length - 1] ?? ''];
  const result = letters
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
  return result.length > 0 ? result : '?';
}
