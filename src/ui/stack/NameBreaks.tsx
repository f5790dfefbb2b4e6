import { WordBreaks } from '../common/WordBreaks';
import { camelWords, labelPieces } from './label-wrap';

/** Longer than this, a piece may also break between its camel-case words (`Authenticated|Role…`). */
const LONG_PIECE = 14;

/**
 * A name from the reader's template in a narrow cell: line-break opportunities (<wbr>) only where the
 * pipeline's boxes break names (after `-`, `_`, `/`, `:`, `.`, a space…), and between camel-case words
 * of a long piece, so a caller such as `IAM user ops → role photo-ops-ReadOnlyAccessRole` wraps between
 * its words and never inside one.
 */
export function NameBreaks({ text }: { text: string }) {
  return (
    <WordBreaks
      parts={labelPieces(text).flatMap((piece) => (piece.length > LONG_PIECE ? camelWords(piece) : [piece]))}
    />
  );
}
