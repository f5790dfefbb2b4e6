import { Fragment } from 'react';

/** Text already cut into the parts it may wrap between, drawn with a <wbr> between each two. */
export function WordBreaks({ parts }: { parts: readonly string[] }) {
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
