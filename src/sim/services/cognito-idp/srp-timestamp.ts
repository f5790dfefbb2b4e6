/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer, in the one format AWS's clients produce:
 * "Tue Sep 5 09:03:07 UTC 2026" — English day and month names, day of month NOT zero-padded, UTC.
 * AWS refuses other spellings ("Sep 05", a weekday that does not match the date) as a wrong password
 * (observed, ministack PR #1758's measurements against a real pool). Clock skew is not checked: no
 * public source says how far off AWS tolerates.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PATTERN =
  /^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) ([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})$/;

/** The canonical timestamp for an instant (epoch ms). */
export function formatSrpTimestamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** True when `text` is a well-formed timestamp whose weekday matches its date. */
export function isCanonicalSrpTimestamp(text: string): boolean {
  const m = PATTERN.exec(text);
  if (!m) return false;
  const [, day, month, date, hh, mm, ss, year] = m;
  const monthIndex = MONTHS.indexOf(month as string);
  if (monthIndex < 0 || !DAYS.includes(day as string)) return false;
  const ms = Date.UTC(Number(year), monthIndex, Number(date), Number(hh), Number(mm), Number(ss));
  // Re-formatting catches impossible dates (Feb 30) and a weekday that does not match the date.
  return formatSrpTimestamp(ms) === text;
}
