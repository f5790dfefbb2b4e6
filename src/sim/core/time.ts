/** Time helpers over the injected clock (epoch milliseconds). Nothing here reads the real clock. */

export const epochSeconds = (ms: number): number => Math.floor(ms / 1000);

/** ISO 8601 with millisecond precision and Z, as STS `Expiration` is written: 2026-11-26T03:00:00Z. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** SigV4 basic format: 20261126T030000Z. */
export const amzDate = (ms: number): string => isoSeconds(ms).replace(/[-:]/g, '');

/** RFC 7231 HTTP date, as S3 writes Last-Modified. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString();
