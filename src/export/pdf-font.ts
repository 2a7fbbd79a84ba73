/**
 * The embedded font, made cheap: pdf-lib asks fontkit to *shape* every string it measures or draws
 * (OpenType GSUB/GPOS lookups), which was most of the export time, and parses the 700 KB font again for
 * every PDF. The PDF shows text as glyphs placed by their advance widths (pdf-lib writes no kerning),
 * so for the Latin, Greek and Cyrillic text of a dossier a glyph per code point is what gets printed
 * anyway. This hands pdf-lib a fontkit whose fonts are parsed once and laid out by code point, and
 * gives the layout the same advance widths to wrap lines with.
 */
import fontkit from '@pdf-lib/fontkit';

type FontkitFont = ReturnType<typeof fontkit.create>;
type Glyph = ReturnType<FontkitFont['glyphForCodePoint']>;

export interface PlainFont {
  /** Width of `text` at size 1, in PDF points. */
  width(text: string): number;
  /** The fontkit pdf-lib registers: `create` returns this parsed font. */
  fontkit: typeof fontkit;
}

const parsed = new WeakMap<object, PlainFont>();

export function plainFont(bytes: Uint8Array): PlainFont {
  const known = parsed.get(bytes);
  if (known) return known;
  const font = fontkit.create(bytes);
  const glyphs = new Map<number, Glyph>();
  const glyphOf = (codePoint: number) => {
    let glyph = glyphs.get(codePoint);
    if (!glyph) glyphs.set(codePoint, (glyph = font.glyphForCodePoint(codePoint)));
    return glyph;
  };
  const layout = (text: string) => ({ glyphs: Array.from(text, (c) => glyphOf(c.codePointAt(0)!)) });
  // An own property on this parsed instance, which no one else holds: fontkit's own `layout` stays intact.
  Object.defineProperty(font, 'layout', { value: layout });
  const scale = 1 / font.unitsPerEm;
  const widths = new Map<string, number>();
  const plain: PlainFont = {
    width(text) {
      let w = widths.get(text);
      if (w === undefined) {
        w = 0;
        for (const c of text) w += glyphOf(c.codePointAt(0)!).advanceWidth * scale;
        widths.set(text, w);
      }
      return w;
    },
    fontkit: { ...fontkit, create: () => font } as typeof fontkit,
  };
  parsed.set(bytes, plain);
  return plain;
}
