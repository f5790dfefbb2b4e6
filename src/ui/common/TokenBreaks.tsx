import { WordBreaks } from './WordBreaks';

/**
 * Text with a line-break opportunity (<wbr>) after each dot, colon and slash: an ARN, a URL or an
 * "Service.Operation" target may then wrap between its parts, never inside a word or a name.
 */
export function TokenBreaks({ text }: { text: string }) {
  return <WordBreaks parts={text.split(/(?<=[.:/])(?=\S)/)} />;
}
