/** Plain, JSON-serialisable state of the simulated s3 service (filled in by its implementation). */
// biome-ignore lint/complexity/noBannedTypes: placeholder until the service lands
export type S3State = {};

export function createS3State(): S3State {
  return {};
}
