/**
 * A pasted or autofilled code as the user meant it: `123 456`, `123-456` and full-width
 * digits (`１２３４５６`, from CJK keyboards) all become `123456`. NFKC (Unicode UAX #15)
 * folds full-width forms to ASCII; whatever is left that isn't a digit is dropped.
 */
export function normalizeCode(text: string): string {
  return text.normalize('NFKC').replace(/[^0-9]/g, '');
}
