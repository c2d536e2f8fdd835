// The notebook file model. Cells carry clean sources; everything needed to write the file
// back byte for byte (fence lines, blank lines, markers, line endings) lives in layouts,
// which are plain JSON so VS Code can keep them in cell metadata between open and save.

export type CellKind = 'markup' | 'code';

export interface CellData {
  kind: CellKind;
  /** `clv` for code cells read from a file, `markdown` for markup cells. */
  language: string;
  source: string;
}

/** How the delimiters of a fenced code cell were written. */
export interface FenceLayout {
  /** Spaces before the opening fence (0 to 3). */
  indent: string;
  char: '`' | '~';
  length: number;
  /** Everything after the fence characters on the opening line, e.g. `clv` or ` clv  `. */
  info: string;
  openEol: string;
  /** The closing fence line without its line break; null when the fence is never closed. */
  close: string | null;
  closeEol: string;
}

/** How one cell was written in the file it was read from. */
export interface CellLayout {
  kind: CellKind;
  /**
   * The source when the cell was read. The layout reproduces the original bytes only while
   * the cell still has this source; otherwise it is a hint (fence style, blank lines).
   */
  source: string;
  /** Blank lines, and for Markdown possibly a `<!-- cell -->` line, before the cell. */
  lead: string;
  /** `plain` Markdown ends at the next cell; `counted` Markdown follows a line-count marker. */
  form: 'fenced' | 'plain' | 'counted';
  /** The counted form's marker line, line break included. */
  marker?: string;
  fence?: FenceLayout;
  /** The line break after the source's last line ('' for an empty body or the end of file). */
  bodyEnd: string;
  /** The cell runs to the end of the file, so its bytes are only valid as the last cell. */
  atEnd: boolean;
}

export interface NotebookCell extends CellData {
  layout?: CellLayout;
}

/** File-level layout: everything outside the cells. */
export interface FileLayout {
  bom: boolean;
  /** Line break used for new lines: the file's first one, `\n` if it has none. */
  eol: string;
  /** The front matter exactly as read, both `---` lines included; null when there is none. */
  frontMatter: string | null;
  /** Blank lines after the last cell. */
  tail: string;
}

export interface NotebookFile {
  cells: NotebookCell[];
  /** The front matter's `key: value` pairs. */
  metadata: Record<string, string>;
  layout?: FileLayout;
}
