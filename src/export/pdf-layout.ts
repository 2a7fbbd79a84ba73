/**
 * The PDF's page layout as data: a text cursor over A4 pages that wraps lines with a width function,
 * breaks pages and records every line and rule it places. Drawing is a separate step (pdf.ts), so the
 * layout is measured once and the benchmark can draw the very same lines with a standard font.
 */
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 56, bottom: 56, left: 50, right: 50 };

export type Tone = 'ink' | 'muted' | 'alert' | 'warn' | 'good';

export type DrawOp =
  | { kind: 'text'; page: number; x: number; y: number; size: number; text: string; tone: Tone }
  | { kind: 'rule'; page: number; y: number };

export interface TextOptions {
  size?: number;
  indent?: number;
  tone?: Tone;
  gapBefore?: number;
  /** Space to keep on this page after the text (a heading stays with what follows). */
  keepWithNext?: number;
}

export class Layout {
  ops: DrawOp[] = [];
  pages = 0;
  private y = 0;
  /** `width(text)` is the width of `text` at size 1. */
  constructor(private width: (text: string) => number) {
    this.newPage();
  }

  private newPage() {
    this.pages++;
    this.y = A4.height - MARGIN.top;
  }

  /** Splits `text` into lines no wider than `width`, breaking words that do not fit on a line alone. */
  wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    const max = width / size;
    const space = this.width(' ');
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const wordWidth = this.width(word);
        if (line && lineWidth + space + wordWidth <= max) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (!line && wordWidth <= max) {
          line = word;
          lineWidth = wordWidth;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (this.width(rest) > max) {
          let cut = rest.length - 1;
          while (cut > 1 && this.width(rest.slice(0, cut)) > max) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
        lineWidth = this.width(rest);
      }
      lines.push(line);
    }
    return lines;
  }

  text(text: string, options: TextOptions = {}) {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const leading = size * 1.35;
    const lines = this.wrap(text, size, A4.width - MARGIN.left - MARGIN.right - indent);
    const gap = options.gapBefore ?? 0;
    const needed = gap + leading * Math.min(lines.length, 2) + (options.keepWithNext ?? 0);
    if (this.y - needed < MARGIN.bottom) this.newPage();
    else this.y -= gap;
    for (const line of lines) {
      if (this.y - leading < MARGIN.bottom) this.newPage();
      this.y -= leading;
      if (line) this.ops.push({ kind: 'text', page: this.pages - 1, x: MARGIN.left + indent, y: this.y + size * 0.3, size, text: line, tone: options.tone ?? 'ink' });
    }
  }

  heading(text: string, size = 13) {
    this.text(text, { size, gapBefore: size, keepWithNext: 30 });
    this.ops.push({ kind: 'rule', page: this.pages - 1, y: this.y });
    this.y -= 4;
  }

  /** The footer of every page: `left` and "page n of N" at the right margin. */
  footers(left: string, label: (n: number, of: number) => string) {
    const size = 8;
    for (let page = 0; page < this.pages; page++) {
      const right = label(page + 1, this.pages);
      this.ops.push({ kind: 'text', page, x: MARGIN.left, y: MARGIN.bottom / 2, size, text: left, tone: 'muted' });
      this.ops.push({ kind: 'text', page, x: A4.width - MARGIN.right - this.width(right) * size, y: MARGIN.bottom / 2, size, text: right, tone: 'muted' });
    }
  }
}
