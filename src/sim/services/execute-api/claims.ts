import { createDict, setOwn } from '../../core/dict';
/**
 * How a REST API's Cognito user pool authorizer hands token claims to the backend
 * (`requestContext.authorizer.claims`, docs/aws-reference.md §8.1, obs): every value is a string; numbers become
 * decimal text, booleans "true"/"false", `exp`/`iat`/`auth_time` become Java-style date text like
 * "Sun Dec 17 07:28:12 UTC 2017", arrays are comma-joined and objects become JSON text.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_CLAIMS = new Set(['exp', 'iat', 'auth_time']);

const two = (n: number) => String(n).padStart(2, '0');

/** `EEE MMM dd HH:mm:ss zzz yyyy` in UTC, as java.util.Date#toString prints it. */
export function javaDateText(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export function stringifyClaims(claims: Record<string, unknown>): Record<string, string> {
  const out = createDict<string>();
  for (const [name, value] of Object.entries(claims)) {
    if (DATE_CLAIMS.has(name) && typeof value === 'number') setOwn(out, name, javaDateText(value));
    else if (Array.isArray(value)) setOwn(out, name, value.map(String).join(','));
    else if (value !== null && typeof value === 'object') setOwn(out, name, JSON.stringify(value));
    else setOwn(out, name, String(value));
  }
  return out;
}
