/**
 * What "internal wording" is, for the tests that keep it off every screen and out of the PDF: seed
 * numbers and file names, labels we did not record, how we read a page, what our sources lack, notes
 * about the product, code file names and notes meant for developers.
 */
export const INTERNAL: Array<[string, RegExp]> = [
  ['a seed number', /\bseeds?\b/i],
  ['a file name', /\bseeds\/|\.txt\b/],
  ['a label we did not record', /label (seen|not recorded)|not recorded|non relevée?|vu sur la page|(label|adres)[^.]*niet genoteerd|(Bezeichnung|Adresse)[^.]*nicht erfasst/i],
  ['how we read a page', /http[- ](address|adres|Adresse)|adresse http|\bProbed\b|Vérifié le \d|Nagekeken op \d|Geprüft am \d/i],
  ['what our sources lack', /documents sources|source documents|\bde bronnen\b|\bdie Quellen\b/i],
  ['a note about the product', /Be Civic[^.]*(pas encore|not yet|\byet\b|nog niet|noch nicht)/i],
  ['a code or data file name', /\.(ya?ml|tsx?|json)\b|\bcatalog\/|\bsrc\//],
  ['a note for developers', /\b(TODO|FIXME|XXX)\b|\bissue \d+\b|\bfixture\b/i],
];

/** Why a text shown to users is internal wording (empty when it is fine). */
export const flagged = (text: string) => INTERNAL.filter(([, re]) => re.test(text)).map(([why]) => why);
