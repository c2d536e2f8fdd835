// Every piece of notebook or data text that enters the report goes through here: customer
// ids, segment names, column names and error messages come from files the author does not
// control, and the report must show them as text, never run them as markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text, safe both as element content and inside a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
