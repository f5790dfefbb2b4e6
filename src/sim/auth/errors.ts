/**
 * Authentication failures in each protocol's own words (docs/aws-reference.md §7.5, §7.6; IAM User Guide
 * "Troubleshoot signing"). The same situation is a different code, status and text for STS (Query),
 * Cognito (JSON 1.1), Cognito Sync (REST-JSON), S3 and API Gateway.
 */
import { AwsError } from '../core/errors';

export type AuthDialect = 'query' | 'json' | 'rest-json' | 's3' | 'apigateway';

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** API Gateway answers every authentication failure with 403 and a `{"message": …}` body. */
const apigw = (message: string) => new AwsError('AccessDeniedException', message, { status: 403 });
/** S3 reports a malformed header and a wrong credential scope alike. */
const s3Malformed = (message: string) =>
  new AwsError('AuthorizationHeaderMalformed', `The authorization header is malformed; ${message}`, {
    status: 400,
  });

export interface MismatchDetail {
  canonicalRequest: string;
  stringToSign: string;
  accessKeyId: string;
  signatureProvided: string;
}

function bytesOf(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

export const authErrors = {
  missing(dialect: AuthDialect): AwsError {
    switch (dialect) {
      case 'query':
        return new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', {
          status: 403,
        });
      case 'json':
      case 'rest-json':
        return new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', {
          status: 403,
        });
      case 's3':
        return new AwsError('AccessDenied', 'Access Denied', { status: 403 });
      case 'apigateway':
        return apigw('Missing Authentication Token');
    }
  },

  /** A malformed Authorization header or presigned query. */
  incomplete(dialect: AuthDialect, message: string): AwsError {
    switch (dialect) {
      case 'query':
        return new AwsError('IncompleteSignature', message, { status: 400 });
      case 'json':
      case 'rest-json':
        return new AwsError('IncompleteSignatureException', message, { status: 400 });
      case 's3':
        return s3Malformed(message);
      case 'apigateway':
        return apigw(message);
    }
  },

  /**
   * `SignedHeaders` without `host`. S3: 403 AccessDenied "There were headers present in the request
   * which were not signed" with `<HeadersNotSigned>host</HeadersNotSigned>` (observed, quoted in
   * coda/packs-sdk#3093). Other services: "'Host' or ':authority' must be a 'SignedHeader' in the AWS
   * Authorization." (observed, aws/aws-sdk-php#2469; API Gateway's older form without ':authority' in
   * NetSPI/AWSSigner#3), in each protocol's incomplete-signature shape.
   */
  hostNotSigned(dialect: AuthDialect): AwsError {
    if (dialect === 's3')
      return new AwsError('AccessDenied', 'There were headers present in the request which were not signed', {
        status: 403,
        extra: {
          HeadersNotSigned: 'host',
        },
      });
    return authErrors.incomplete(
      dialect,
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  },

  /** A presigned URL's X-Amz-* query parameter S3 will not take (S3 error codes: AuthorizationQueryParametersError, 400). */
  queryParameters(dialect: AuthDialect, message: string): AwsError {
    if (dialect === 's3') return new AwsError('AuthorizationQueryParametersError', message, { status: 400 });
    return authErrors.incomplete(dialect, message);
  },

  /** A credential scope that does not fit the request (date, region, service or terminator). */
  badScope(dialect: AuthDialect, message: string): AwsError {
    switch (dialect) {
      case 'query':
        return new AwsError('SignatureDoesNotMatch', message, { status: 403 });
      case 'json':
      case 'rest-json':
        return new AwsError('InvalidSignatureException', message, { status: 403 });
      case 's3':
        return s3Malformed(message);
      case 'apigateway':
        return apigw(message);
    }
  },

  unknownKey(dialect: AuthDialect, accessKeyId: string): AwsError {
    switch (dialect) {
      case 'query':
        return new AwsError('InvalidClientTokenId', INVALID_TOKEN, { status: 403 });
      case 'json':
      case 'rest-json':
        return new AwsError('UnrecognizedClientException', INVALID_TOKEN, { status: 400 });
      case 's3':
        return new AwsError(
          'InvalidAccessKeyId',
          'The AWS Access Key Id you provided does not exist in our records.',
          {
            status: 403,
            extra: {
              AWSAccessKeyId: accessKeyId,
            },
          },
        );
      case 'apigateway':
        return apigw(INVALID_TOKEN);
    }
  },

  /** A session token that is missing, or does not belong to the temporary key. */
  badSessionToken(dialect: AuthDialect): AwsError {
    switch (dialect) {
      case 'query':
        return new AwsError('InvalidClientTokenId', INVALID_TOKEN, { status: 403 });
      case 'json':
      case 'rest-json':
        return new AwsError('UnrecognizedClientException', INVALID_TOKEN, { status: 400 });
      case 's3':
        return new AwsError('InvalidToken', 'The provided token is malformed or otherwise invalid.', {
          status: 400,
        });
      case 'apigateway':
        return apigw(INVALID_TOKEN);
    }
  },

  expiredToken(dialect: AuthDialect): AwsError {
    switch (dialect) {
      case 'query':
        return new AwsError('ExpiredToken', 'The security token included in the request is expired', {
          status: 403,
        });
      case 'json':
      case 'rest-json':
        return new AwsError(
          'ExpiredTokenException',
          'The security token included in the request is expired',
          { status: 400 },
        );
      case 's3':
        return new AwsError('ExpiredToken', 'The provided token has expired.', { status: 400 });
      case 'apigateway':
        return apigw('The security token included in the request is expired');
    }
  },

  /** Outside the clock-skew window (`Signature expired: …` / `Signature not yet current: …`). */
  skewed(dialect: AuthDialect, message: string, s3: { requestTime: string; serverTime: string }): AwsError {
    switch (dialect) {
      case 'query':
        return new AwsError('SignatureDoesNotMatch', message, { status: 403 });
      case 'json':
      case 'rest-json':
        // 400 for JSON 1.1 services (obs: Rekognition "400 Bad Request" in aws/aws-sdk-php#1780, ECR
        // "status code: 400" in upmc-enterprises/registry-creds#24, Kinesis in remind101/logspout-kinesis#21).
        return new AwsError('InvalidSignatureException', message, { status: 400 });
      case 's3':
        return new AwsError(
          'RequestTimeTooSkewed',
          'The difference between the request time and the current time is too large.',
          {
            status: 403,
            extra: {
              RequestTime: s3.requestTime,
              ServerTime: s3.serverTime,
              MaxAllowedSkewMilliseconds: '900000',
            },
          },
        );
      case 'apigateway':
        return apigw(message);
    }
  },

  /** A presigned URL past its X-Amz-Expires. */
  presignExpired(
    dialect: AuthDialect,
    message: string,
    s3: { expires: string; serverTime: string; xAmzExpires: string },
  ): AwsError {
    if (dialect === 's3') {
      return new AwsError('AccessDenied', 'Request has expired', {
        status: 403,
        extra: {
          'X-Amz-Expires': s3.xAmzExpires,
          Expires: s3.expires,
          ServerTime: s3.serverTime,
        },
      });
    }
    return authErrors.skewed(dialect, message, { requestTime: s3.expires, serverTime: s3.serverTime });
  },

  mismatch(dialect: AuthDialect, detail: MismatchDetail): AwsError {
    // REST-JSON (Cognito Sync) and API Gateway show the canonical string and string to sign in the
    // message (obs: aws/aws-sdk-cpp#17, cognito-sync).
    const verbose = `${MISMATCH}\n\nThe Canonical String for this request should have been\n'${detail.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${detail.stringToSign}'\n`;
    switch (dialect) {
      case 'query':
        return new AwsError('SignatureDoesNotMatch', MISMATCH, { status: 403 });
      case 'json':
        // JSON 1.1 services answer 400 with the short sentence only (obs: cognito-idp AdminInitiateAuth
        // and AdminCreateUser "400 Bad Request" in ArranJacques/laravel-aws-cognito-auth#18 and
        // ellaisys/aws-cognito#24; ECS status code 400 in teralytics/prometheus-ecs-discovery#7).
        return new AwsError('InvalidSignatureException', MISMATCH, { status: 400 });
      case 'rest-json':
        return new AwsError('InvalidSignatureException', verbose, { status: 403 });
      case 's3':
        return new AwsError(
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          {
            status: 403,
            extra: {
              AWSAccessKeyId: detail.accessKeyId,
              StringToSign: detail.stringToSign,
              SignatureProvided: detail.signatureProvided,
              StringToSignBytes: bytesOf(detail.stringToSign),
              CanonicalRequest: detail.canonicalRequest,
              CanonicalRequestBytes: bytesOf(detail.canonicalRequest),
            },
          },
        );
      case 'apigateway':
        return apigw(verbose);
    }
  },
  /** Header and query authentication in one request. */
  bothMechanisms(dialect: AuthDialect): AwsError {
    if (dialect !== 's3')
      return authErrors.incomplete(
        dialect,
        'Found both X-Amz-Algorithm query parameter and Authorization header.',
      );
    return new AwsError(
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      { status: 400 },
    );
  },

  /** A credential scope naming another Region; S3 names the Region it expected in `<Region>`. */
  wrongRegion(dialect: AuthDialect, scopeRegion: string, region: string): AwsError {
    if (dialect !== 's3')
      return authErrors.badScope(
        dialect,
        `Credential should be scoped to a valid region, not '${scopeRegion}'. `,
      );
    return new AwsError(
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the region '${scopeRegion}' is wrong; expecting '${region}'`,
      { status: 400, extra: { Region: region } },
    );
  },

  /** S3: a header-signed request must say how its payload was hashed. */
  contentSha256Missing: (): AwsError =>
    new AwsError('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', {
      status: 400,
    }),
  contentSha256Invalid: (): AwsError =>
    new AwsError(
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.',
      { status: 400 },
    ),
  contentSha256Mismatch: (claimed: string, actual: string): AwsError =>
    new AwsError(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      { status: 400, extra: { ClientComputedContentSHA256: claimed, S3ComputedContentSHA256: actual } },
    ),

  /** A signed JSON 1.1 call IAM does not allow (AccessDeniedException, sent as 400 by these front ends). */
  accessDeniedJson: (message: string): AwsError =>
    new AwsError('AccessDeniedException', message, { status: 400 }),

  /** A call refused before IAM runs, e.g. an API that session credentials may not call (Query: AccessDenied, 403). */
  notAuthorized: (arn: string, action: string, resource: string): AwsError =>
    new AwsError(
      'AccessDenied',
      `User: ${arn} is not authorized to perform: ${action} on resource: ${resource}`,
      {
        status: 403,
      },
    ),
};
