import { Fragment } from 'react';

/**
 * Text with a line-break opportunity (<wbr>) after each dot, colon and slash: an ARN, a URL or an
 * "Service.Operation" target may then wrap between its parts, never inside a word or a name.
 */
export function TokenBreaks({ text }: { text: string }) {
  const parts = text.split(/(?<=[.:/])(?=\S)/);
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
