/**
 * Names for search and for display to cashiers.
 *
 * Search keys: each word of the name, lower case, with ё folded into е (Russian users type
 * either), so "Алёна Иванова" is found by "ален", "ива" or "ИВАНОВА".
 * Masking: the cashier sees the first name and the initial of the rest: "Алёна И.".
 */
export function nameSearchKeys(fullName: string): string[] {
  const words = normaliseForSearch(fullName)
    .split(' ')
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}

export function normaliseForSearch(text: string): string {
  return text
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function maskName(fullName: string): string {
  const [first, ...rest] = fullName.trim().split(/\s+/);
  if (!first) return '';
  const initials = rest.map((word) => `${word.charAt(0).toLocaleUpperCase('ru')}.`).join(' ');
  return initials ? `${first} ${initials}` : first;
}
