/**
 * Reads the catalog's default texts (Python as written in the library's source) as values.
 */

/** A number, null for `None`, or undefined for anything that is not a plain literal (`UNSET`, `DEFAULT_LIMITS`). */
export function parseDefault(text: string): number | null | undefined {
  if (text === 'None') return null;
  const number = Number(text.replace(/_/g, ''));
  return text.trim() !== '' && Number.isFinite(number) ? number : undefined;
}
