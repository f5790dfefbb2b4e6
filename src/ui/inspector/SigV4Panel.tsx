import type { TraceEvent } from '../../sim/index';
import { maskCanonicalRequest, prettyBody } from '../common/mask';
import { asRecord, asText, eventsOfKind } from './trace-details';
import { WireText } from './WireText';

const STAGES: [string, string][] = [
  ['canonicalRequest', 'Canonical request'],
  ['stringToSign', 'String to sign'],
  ['expectedSignature', 'Signature the service computed'],
  ['providedSignature', 'Signature the request carried'],
  ['signature', 'Signature'],
  ['credentialScope', 'Credential scope'],
];

/**
 * The SigV4 check of this step, stage by stage, as the engine's verifier reported it. The session
 * token in the canonical request is masked unless the reader reveals secrets, as in the other tabs.
 */
export function SigV4Panel({ events, reveal = false }: { events: TraceEvent[]; reveal?: boolean }) {
  const checks = eventsOfKind(events, 'sigv4');
  if (checks.length === 0)
    return (
      <p>
        No SigV4 check in this step: the call was unsigned (public Cognito APIs, STS web identity and SAML
        calls need no signature) or never reached a service.
      </p>
    );
  return (
    <div className="sigv4-panel">
      {checks.map((event, i) => {
        const detail = asRecord(event.detail) ?? {};
        const known = STAGES.filter(([key]) => asText(detail[key]) !== undefined);
        const rest = Object.fromEntries(
          Object.entries(detail).filter(([key]) => !STAGES.some(([k]) => k === key)),
        );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: events in emission order
          <article key={i}>
            <h4>{event.summary}</h4>
            {known.map(([key, title]) => (
              <section key={key}>
                <h5>{title}</h5>
                <WireText>
                  {key === 'canonicalRequest'
                    ? maskCanonicalRequest(asText(detail[key]) ?? '', reveal)
                    : asText(detail[key])}
                </WireText>
              </section>
            ))}
            {Object.keys(rest).length ? (
              <details>
                <summary>Other details</summary>
                <WireText>{prettyBody(JSON.stringify(rest), 'application/json', reveal)}</WireText>
              </details>
            ) : null}
          </article>
        );
      })}
      <p className="hint">
        Why a tampered request fails: the service rebuilds the canonical request from what it received. Change
        one header, one byte of the body or the date, and the string to sign changes, so the HMAC chain gives
        a different signature.
      </p>
    </div>
  );
}
