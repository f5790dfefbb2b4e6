import type { DuplicateKey } from './errors';
import { DOCS } from './findings-docs';
import type { Finding } from './findings-types';

/**
 * A key written twice: CloudFormation deploys the last value without a word (errors.ts, DuplicateKey),
 * while a reader going down the template meets the first. cfn-lint refuses such a template (E0000
 * "Duplicate found"); here it imports as CloudFormation would, and the reviewer says which value counts.
 */
export function reviewDuplicateKeys(duplicates: readonly DuplicateKey[]): Finding[] {
  return duplicates.map((d) => ({
    code: 'duplicate-key',
    severity: 'medium',
    path: d.path,
    message: `${d.path} is written more than once. CloudFormation keeps the last one${d.line ? ` (line ${d.line})` : ''} and ignores the earlier, so the template does not do what its first ${lastName(d.path)} says; this import uses the last, as a deployment would. Remove the other.`,
    docs: DOCS.templateFormat,
  }));
}

/** `Resources.Bucket.Properties.BucketName` → `BucketName`. */
const lastName = (path: string) => path.split('.').pop() ?? path;
