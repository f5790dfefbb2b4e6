import type { TraceEntry } from '../../player/create-player';
import type { WireRequest, WireResponse } from '../../player/wire';
import { maskHeader, prettyBody } from '../common/mask';
import { WireText } from './WireText';

function contentType(headers: [string, string][]) {
  return headers.find(([n]) => n === 'content-type')?.[1];
}

function Message({
  title,
  start,
  headers,
  body,
  reveal,
}: {
  title: string;
  start: string;
  headers: [string, string][];
  body: string;
  reveal: boolean;
}) {
  return (
    <section className="wire-message" aria-label={title}>
      <h4>{title}</h4>
      <WireText>
        {start}
        {'\n'}
        {headers.map(([n, v]) => `${n}: ${maskHeader(n, v, reveal)}`).join('\n')}
        {'\n\n'}
        {prettyBody(body, contentType(headers), reveal)}
      </WireText>
    </section>
  );
}

function requestLine(r: WireRequest) {
  const url = new URL(r.url);
  return `${r.method} ${url.pathname}${url.search} HTTP/1.1\nhost: ${url.host}`;
}

function statusLine(r: WireResponse) {
  return `HTTP/1.1 ${r.status} ${r.statusText}`;
}

/** The request and response of the step exactly as they crossed `cloud.fetch`. */
export function WirePanel({ entry, reveal }: { entry: TraceEntry | undefined; reveal: boolean }) {
  if (!entry) return <p>Nothing has been sent yet. Step forward to send the first request.</p>;
  return (
    <div className="wire-panel">
      {entry.note ? <p className={`note note--${entry.outcome}`}>{entry.note}</p> : null}
      {entry.unsignedBecause ? (
        <p className="note note--blocked">Sent unsigned: {entry.unsignedBecause}.</p>
      ) : null}
      {entry.request ? (
        <Message
          title="Request"
          start={requestLine(entry.request)}
          headers={entry.request.headers}
          body={entry.request.body}
          reveal={reveal}
        />
      ) : null}
      {entry.response ? (
        <Message
          title="Response"
          start={statusLine(entry.response)}
          headers={entry.response.headers}
          body={entry.response.body}
          reveal={reveal}
        />
      ) : entry.request ? (
        <p className="note">No response: the request never reached a service.</p>
      ) : null}
    </div>
  );
}
