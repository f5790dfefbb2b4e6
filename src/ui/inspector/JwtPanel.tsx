import { useEffect, useId, useState } from 'react';
import { CLAIM_MEANINGS } from './claim-meanings';
import { type DecodedJwt, decodeAnyJwt, type VerifyOutcome, verifyAgainstJwks } from '../../wire/jwt-check';
import type { HeldValues } from '../../player/create-player';
import { useAppStoreApi } from '../../store/hooks';
import { WireText } from './WireText';

const TOKEN_NAMES: [keyof HeldValues, string][] = [
  ['idToken', 'ID token (user pool)'],
  ['accessToken', 'Access token (user pool)'],
  ['googleIdToken', 'Google ID token'],
  ['openIdToken', 'Cognito OpenID token (identity pool)'],
];

function claimValue(name: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (
    (name === 'exp' || name === 'iat' || name === 'auth_time' || name === 'nbf') &&
    typeof value === 'number'
  ) {
    return `${text} (${new Date(value * 1000).toISOString()})`;
  }
  return text;
}

function Verification({ token, now }: { token: string; now: number }) {
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const store = useAppStoreApi();
  useEffect(() => {
    let live = true;
    setOutcome(null);
    verifyAgainstJwks(token, now, (url) => store.getState().fetchPublicKeys(url)).then(
      (o) => live && setOutcome(o),
    );
    return () => {
      live = false;
    };
  }, [token, now, store]);
  if (!outcome) return <p className="verify">Checking the signature against the issuer’s JWKS…</p>;
  return (
    <p className={`verify verify--${outcome.signature} verify--${outcome.expiry}`}>
      Signature: <strong>{outcome.signature}</strong> · Expiry: <strong>{outcome.expiry}</strong> —{' '}
      {outcome.message}
    </p>
  );
}

function Decoded({ jwt, token, now }: { jwt: DecodedJwt; token: string; now: number }) {
  return (
    <div className="jwt-decoded">
      <h5>Header</h5>
      <WireText>{JSON.stringify(jwt.header, null, 2)}</WireText>
      <h5>Claims</h5>
      <table className="claims">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(jwt.claims).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td className="claim-value">{claimValue(name, value)}</td>
              <td>
                {CLAIM_MEANINGS[name] ??
                  (name.startsWith('custom:') ? 'A custom attribute (always a string).' : '—')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h5>Signature</h5>
      <p className="claim-value">
        <code>
          {jwt.signature
            ? `${jwt.signature.slice(0, 24)}… (${jwt.signature.length} base64url chars)`
            : '(empty: unsigned)'}
        </code>
      </p>
      <Verification token={token} now={now} />
    </div>
  );
}

/** The tokens the app holds after this step, decoded and checked; plus a field to decode any JWT. */
export default function JwtPanel({ held, now }: { held: HeldValues | undefined; now: number }) {
  const [pasted, setPasted] = useState('');
  const fieldId = useId();
  const tokens = TOKEN_NAMES.filter(([key]) => typeof held?.[key] === 'string');
  const pastedResult = pasted ? decodeAnyJwt(pasted) : undefined;
  return (
    <div className="jwt-panel">
      {tokens.length === 0 ? <p>The app holds no JWT yet at this step.</p> : null}
      {tokens.map(([key, title]) => {
        const token = held?.[key] as string;
        const decoded = decodeAnyJwt(token);
        return (
          <details key={key} open={key === tokens[0]?.[0]}>
            <summary>{title}</summary>
            {decoded.ok ? (
              <Decoded jwt={decoded.jwt} token={token} now={now} />
            ) : (
              <p className="note">{decoded.message}</p>
            )}
          </details>
        );
      })}
      <h4>
        <label htmlFor={fieldId}>Decode any JWT</label>
      </h4>
      <textarea
        id={fieldId}
        rows={3}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        placeholder="eyJ…"
        spellCheck={false}
      />
      {pastedResult ? (
        pastedResult.ok ? (
          <Decoded jwt={pastedResult.jwt} token={pasted.trim()} now={now} />
        ) : (
          <p className="note note--aws-error" role="status">
            {pastedResult.message}
          </p>
        )
      ) : null}
    </div>
  );
}
