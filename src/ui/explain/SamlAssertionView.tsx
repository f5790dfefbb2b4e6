import { TokenBreaks } from '../common/TokenBreaks';
import { decodeSamlResponse } from './saml-assertion';

/** The SAML response the app holds, decoded: what the IdP asserted and how it is protected. */
export function SamlAssertionView({ response }: { response: string }) {
  const decoded =
    typeof DOMParser === 'undefined' ? undefined : decodeSamlResponse(response, new DOMParser());
  if (!decoded) return null;
  const rows: [string, string | undefined][] = [
    ['Issuer (the IdP)', decoded.issuer],
    ['Status', decoded.status],
    ['Subject NameID', decoded.nameId],
    ['NameID format', decoded.nameIdFormat],
    ['Audience (who it is for)', decoded.audience?.join(', ')],
    ['Recipient', decoded.recipient],
    ['Issued at', decoded.issueInstant],
    ['Valid from (NotBefore)', decoded.notBefore],
    ['Valid until (NotOnOrAfter)', decoded.notOnOrAfter],
  ];
  return (
    <section className="explainer" aria-label="Inside the SAML response">
      <h4>Inside the SAML response</h4>
      <p>Decoded from the base64 bytes the app holds and sends on (the same bytes the engine checks):</p>
      <dl className="explainer__facts">
        {rows
          .filter(([, v]) => v)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <code>
                  <TokenBreaks text={value ?? ''} />
                </code>
              </dd>
            </div>
          ))}
      </dl>
      <h5>Attributes</h5>
      <ul className="explainer__attributes">
        {decoded.attributes.map((a) => (
          <li key={a.name}>
            <code>
              <TokenBreaks text={a.name} />
            </code>{' '}
            ={' '}
            {a.values.map((v) => (
              <code key={v}>
                <TokenBreaks text={v} />
              </code>
            ))}
            {a.meaning ? <div className="small">{a.meaning}</div> : null}
          </li>
        ))}
      </ul>
      {decoded.signature ? (
        <p>
          <strong>Signature:</strong> an XML signature over the element{' '}
          <code>{decoded.signature.signedElement}</code> with{' '}
          <code>{decoded.signature.signatureAlgorithm}</code> (digest{' '}
          <code>{decoded.signature.digestAlgorithm}</code>)
          {decoded.signature.certificate ? ', with the IdP’s X.509 certificate attached' : ''}. AWS checks it
          against the certificate in the IAM SAML provider’s metadata, not the one attached.
        </p>
      ) : (
        <p>
          <strong>Signature:</strong> none found.
        </p>
      )}
    </section>
  );
}
