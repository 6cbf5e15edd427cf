/**
 * The one HTML escaper for text and attribute values the build writes into pages. Attributes are always written
 * in double quotes, so a single quote stays as it is (a CSP's 'self' reads as itself in the page).
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (ch) => entities[ch] ?? ch);
}
