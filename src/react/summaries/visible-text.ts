/**
 * Text as it will be signed, with every character that could hide or reorder what the user
 * reads made visible: C0/C1 controls, the Unicode bidi controls that Trojan Source
 * (CVE-2021-42574) abuses (UAX #9: U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM), zero-width
 * characters and the BOM. A line break stays a line break, marked so an empty line shows.
 */
export type VisiblePart = { text: string } | { hidden: string /* "U+202E" */ };

const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

export function visibleParts(text: string): VisiblePart[] {
  const parts: VisiblePart[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ hidden: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    last = match.index + 1;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export const hasHiddenCharacters = (text: string) => new RegExp(HIDDEN.source).test(text);
