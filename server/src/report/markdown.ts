// Markdown cells → HTML with `marked`, made safe for a report that may be mailed around:
// raw HTML in the notebook is shown as text (a notebook from a colleague must not run script
// in the reader's browser), links keep only harmless schemes, and images are kept only when
// they are embedded (`data:` PNG/JPEG/GIF/WebP) because the report loads nothing from the
// network or the disk; any other image shows as its alt text.
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './escape';

const SAFE_LINK = /^(https?:|mailto:|#)/i;
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link(token: Tokens.Link): string | false {
      if (SAFE_LINK.test(token.href.trim())) return false; // marked's own renderer escapes the URL
      return this.parser.parseInline(token.tokens);
    },
    image(token: Tokens.Image): string | false {
      if (EMBEDDED_IMAGE.test(token.href.trim())) return false;
      return `<span class="image-placeholder">[image: ${escapeHtml(token.text)}]</span>`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}
