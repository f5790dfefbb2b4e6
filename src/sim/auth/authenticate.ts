/**
 * SigV4 verification, done for real: the signature is recomputed with the secret the credential
 * store holds and compared with the one sent. Every check (form, scope, clock, key, session token,
 * expiry, signature, S3 payload hash) fails the way the service's protocol fails (auth/errors.ts),
 * and a `sigv4` trace event records the stages so the explainer can show why it matched or not.
 */
import type { AwsError } from '../core/errors';
import type { RequestContext } from '../core/service';
import { amzDate, isoSeconds } from '../core/time';
import { bodyBytes, canonicalRequest } from '../sigv4/canonical-request';
import { MAX_PRESIGN_SECONDS, STREAMING_PAYLOADS, TERMINATOR, UNSIGNED_PAYLOAD } from '../sigv4/constants';
import { constantTimeEqual, sha256Hex } from '../sigv4/encoding';
import { signature, signingKey, stringToSign } from '../sigv4/stages';
import type { Caller } from './caller';
import { lookupCredential } from './credential-store';
import { type AuthDialect, authErrors } from './errors';
import { type ParsedSignature, parseSignature } from './parse-signature';
import { skewMinutes } from './skew';

export type { AuthDialect } from './errors';

export interface AuthenticateOptions {
  /** Signing name the credential scope must name (`sts`, `s3`, `execute-api`, `cognito-sync` …). */
  service: string;
  /** Whose error vocabulary to fail in. */
  dialect: AuthDialect;
  /** Region the scope must name; default `world.region` (the STS global endpoint passes `us-east-1`). */
  region?: string;
}

/** Parses `20150830T123600Z`. */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

/**
 * Verifies the request's SigV4 signature and returns the principal behind it.
 * Throws an AwsError in the dialect's shape; a request with no signature at all is refused as
 * AWS refuses it (`MissingAuthenticationToken`, S3 `AccessDenied` …).
 */
export async function authenticate(
  request: Request,
  ctx: RequestContext,
  options: AuthenticateOptions,
): Promise<Caller> {
  const caller = await authenticateIfSigned(request, ctx, options);
  if (!caller) {
    ctx.emit(
      'sigv4',
      'No signature: the request carries neither an Authorization header nor X-Amz-* query parameters',
      {
        matched: false,
        reason: 'missing',
      },
    );
    throw authErrors.missing(options.dialect);
  }
  return caller;
}

/** Like `authenticate`, but a request with no signature at all gives `undefined` (anonymous S3, unsigned STS calls). */
export async function authenticateIfSigned(
  request: Request,
  ctx: RequestContext,
  options: AuthenticateOptions,
): Promise<Caller | undefined> {
  const { dialect } = options;
  const fail = (error: AwsError, reason: string, detail: Record<string, unknown> = {}): never => {
    ctx.emit('sigv4', `Signature refused: ${reason}`, {
      matched: false,
      reason,
      code: error.code,
      ...detail,
    });
    throw error;
  };
  const found = parseSignature(request);
  if (found.kind === 'none') return undefined;
  if (found.kind === 'both') {
    return fail(authErrors.bothMechanisms(dialect), 'both header and query authentication');
  }
  if (found.kind === 'malformed') return fail(authErrors.incomplete(dialect, found.message), found.message);
  const sig = found.parsed;
  // SigV4 requires the host to be signed; without it a signature could be replayed at another host.
  if (!sig.signedHeaders.includes('host') && !sig.signedHeaders.includes(':authority'))
    return fail(authErrors.hostNotSigned(dialect), 'host is not among the signed headers');
  const world = ctx.world;
  const now = world.now();
  const region = options.region ?? world.region;

  // Scope (IAM User Guide "Troubleshoot signing": credential scope errors).
  if (sig.scopeDate !== sig.amzDate.slice(0, 8)) {
    const message = `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${sig.scopeDate}' != '${sig.amzDate.slice(0, 8)}', from '${sig.amzDate}'.`;
    return fail(authErrors.badScope(dialect, message), 'credential scope date differs from X-Amz-Date');
  }
  if (sig.scopeRegion !== region) {
    return fail(
      authErrors.wrongRegion(dialect, sig.scopeRegion, region),
      `credential scope names region ${sig.scopeRegion}, expected ${region}`,
    );
  }
  if (sig.scopeService !== options.service) {
    return fail(
      authErrors.badScope(dialect, `Credential should be scoped to correct service: '${options.service}'. `),
      'wrong service in scope',
    );
  }
  if (sig.scopeTerminator !== TERMINATOR) {
    return fail(
      authErrors.badScope(
        dialect,
        `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${sig.scopeTerminator}'. `,
      ),
      'wrong scope terminator',
    );
  }

  await checkTime(sig, now, options, fail);

  // The key, then its session token, then its lifetime.
  const stored = lookupCredential(world, sig.accessKeyId);
  if (!stored || stored.inactive)
    return fail(authErrors.unknownKey(dialect, sig.accessKeyId), `unknown access key ${sig.accessKeyId}`);
  if (stored.sessionToken !== sig.sessionToken) {
    if (sig.sessionToken === undefined && dialect === 's3') {
      // S3 treats a temporary key without its token as a key it has never heard of: InvalidAccessKeyId
      // 403 naming the ASIA key (seen in many reports of a forgotten AWS_SESSION_TOKEN, e.g.
      // databendlabs/databend#8069); a token that is present but wrong is InvalidToken 400.
      return fail(
        authErrors.unknownKey(dialect, sig.accessKeyId),
        'temporary key sent without its session token',
      );
    }
    const why =
      sig.sessionToken === undefined
        ? 'temporary key sent without its session token'
        : 'session token does not belong to this key';
    return fail(authErrors.badSessionToken(dialect), why);
  }
  if (stored.expiration !== undefined && now >= stored.expiration) {
    return fail(
      authErrors.expiredToken(dialect),
      `temporary credentials expired at ${isoSeconds(stored.expiration)}`,
    );
  }

  // Recompute the signature with the stored secret.
  const payload = await payloadHashFor(request, sig, dialect, fail);
  const canonical = await canonicalRequest(request, sig.signedHeaders, {
    service: options.service,
    payloadHash: payload.forSignature,
  });
  const toSign = await stringToSign(sig.amzDate, sig.scope, canonical);
  const expected = await signature(
    await signingKey(stored.secretAccessKey, sig.scopeDate, sig.scopeRegion, sig.scopeService),
    toSign,
  );
  const stages = {
    form: sig.form,
    accessKeyId: sig.accessKeyId,
    scope: sig.scope,
    signedHeaders: sig.signedHeaders,
    canonicalRequest: canonical,
    stringToSign: toSign,
    expectedSignature: expected,
    providedSignature: sig.signature,
  };
  if (!constantTimeEqual(expected, sig.signature)) {
    const error = authErrors.mismatch(dialect, {
      canonicalRequest: canonical,
      stringToSign: toSign,
      accessKeyId: sig.accessKeyId,
      signatureProvided: sig.signature,
    });
    return fail(error, 'the signature recomputed with the stored secret differs from the one sent', stages);
  }
  if (payload.mustEqualBody !== undefined) {
    const actual = await sha256Hex(await bodyBytes(request));
    if (actual !== payload.mustEqualBody) {
      const error = authErrors.contentSha256Mismatch(payload.mustEqualBody, actual);
      return fail(error, 'x-amz-content-sha256 differs from the body hash', stages);
    }
  }

  const caller = stored.caller(now);
  caller.context = {
    ...caller.context,
    'aws:CurrentTime': isoSeconds(now),
    'aws:EpochTime': String(Math.floor(now / 1000)),
    'aws:SecureTransport': new URL(request.url).protocol === 'https:' ? 'true' : 'false',
  };
  ctx.emit('sigv4', `Signature verified for ${caller.arn}`, {
    matched: true,
    ...stages,
    callerArn: caller.arn,
  });
  return caller;
}

type Fail = (error: AwsError, reason: string, detail?: Record<string, unknown>) => never;

/**
 * Header form: within the service's skew window (auth/skew.ts). Query form (presigned): an
 * X-Amz-Expires S3 accepts (a whole number of seconds, 1 to 604800), then within X-Amz-Date + X-Amz-Expires.
 */
async function checkTime(
  sig: ParsedSignature,
  now: number,
  options: AuthenticateOptions,
  fail: Fail,
): Promise<void> {
  const { dialect } = options;
  const signedAt = parseAmzDate(sig.amzDate);
  if (signedAt === undefined) {
    return fail(
      authErrors.incomplete(dialect, `Invalid X-Amz-Date: ${sig.amzDate}`),
      'unreadable X-Amz-Date',
    );
  }
  const minutes = skewMinutes(options.service);
  const skew = minutes * 60_000;
  const s3Times = { requestTime: sig.amzDate, serverTime: isoSeconds(now) };
  if (signedAt > now + skew) {
    const message = `Signature not yet current: ${sig.amzDate} is still later than ${amzDate(now + skew)} (${amzDate(now)} + ${minutes} min.)`;
    return fail(authErrors.skewed(dialect, message, s3Times), message);
  }
  if (sig.form === 'header') {
    if (signedAt < now - skew) {
      const message = `Signature expired: ${sig.amzDate} is now earlier than ${amzDate(now - skew)} (${amzDate(now)} - ${minutes} min.)`;
      return fail(authErrors.skewed(dialect, message, s3Times), message);
    }
    return;
  }
  const expires = presignSeconds(sig.expires, dialect, fail);
  const expiresAt = signedAt + expires * 1000;
  // X-Amz-Expires=0 passes the range checks AWS words (it is not negative) but the URL is
  // expired from the instant it was signed: the documented minimum is 1 (S3 API, "Authenticating
  // Requests: Using Query Parameters"; AWS's exact answer to 0 is unverified).
  if (now > expiresAt || expires === 0) {
    const message = `Signature expired: ${sig.amzDate} is now earlier than ${amzDate(now - expires * 1000)} (${amzDate(now)} - ${expires} sec.)`;
    const error = authErrors.presignExpired(dialect, message, {
      expires: isoSeconds(expiresAt),
      serverTime: isoSeconds(now),
      xAmzExpires: String(expires),
    });
    return fail(error, `presigned URL expired at ${isoSeconds(expiresAt)}`);
  }
}

/**
 * X-Amz-Expires as S3 judges it, each refusal in S3's words (AuthorizationQueryParametersError, 400):
 * not a number "X-Amz-Expires should be a number" (obs: minio/minio-js#1312), negative
 * "X-Amz-Expires must be non-negative" (obs: fog/fog#3528, catalyst/moodle-tool_objectfs#270), over a
 * week "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be
 * less than 604800 seconds" (obs: bryanjos/aws_auth#31, aws/aws-cli#5464).
 */
function presignSeconds(raw: string | undefined, dialect: AuthDialect, fail: Fail): number {
  const refuse = (message: string, reason: string): never =>
    fail(authErrors.queryParameters(dialect, message), reason);
  if (raw === undefined) {
    return refuse(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      'no X-Amz-Expires',
    );
  }
  if (!/^-?\d+$/.test(raw.trim()))
    return refuse('X-Amz-Expires should be a number', 'X-Amz-Expires is not a number');
  const expires = Number(raw);
  if (expires < 0) return refuse('X-Amz-Expires must be non-negative', 'negative X-Amz-Expires');
  if (expires > MAX_PRESIGN_SECONDS) {
    return refuse(
      `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_PRESIGN_SECONDS} seconds`,
      'X-Amz-Expires over 7 days',
    );
  }
  return expires;
}

/**
 * What goes on the canonical request's last line. S3 takes the client's `x-amz-content-sha256`
 * (and later checks a hex value against the body); presigned S3 URLs sign `UNSIGNED-PAYLOAD`; every
 * other service hashes the body it received.
 */
async function payloadHashFor(
  request: Request,
  sig: ParsedSignature,
  dialect: AuthDialect,
  fail: Fail,
): Promise<{ forSignature?: string; mustEqualBody?: string }> {
  if (dialect !== 's3') return {};
  if (sig.form === 'query') return { forSignature: UNSIGNED_PAYLOAD };
  const claimed = request.headers.get('x-amz-content-sha256');
  if (claimed === null) {
    return fail(authErrors.contentSha256Missing(), 'S3 request without x-amz-content-sha256');
  }
  if (claimed === UNSIGNED_PAYLOAD || (STREAMING_PAYLOADS as readonly string[]).includes(claimed))
    return { forSignature: claimed };
  if (!/^[0-9a-f]{64}$/.test(claimed)) {
    return fail(authErrors.contentSha256Invalid(), 'malformed x-amz-content-sha256');
  }
  return { forSignature: claimed, mustEqualBody: claimed };
}
