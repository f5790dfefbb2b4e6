import { Fragment } from 'react';
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
  const units = labelPieces(text).flatMap((piece) =>
    piece.length > LONG_PIECE ? camelWords(piece) : [piece],
  );
  return (
    <>
      {units.map((unit, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the units of one fixed string, in order
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {unit}
        </Fragment>
      ))}
    </>
  );
}
