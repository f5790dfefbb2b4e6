import { describe, expect, it } from 'vitest';
import { parseTemplate } from './parse';

describe('parseTemplate resource types', () => {
  it('says a resource has no Type only when it has none', async () => {
    await expect(parseTemplate('{"Resources":{"A":{"Properties":{}}}}')).rejects.toThrow(
      'Resource A has no Type',
    );
  });
  it('names a Type that is not a string, with the value written', async () => {
    await expect(parseTemplate('{"Resources":{"A":{"Type":5}}}')).rejects.toThrow(
      'Resource A has a Type that is not a string (5)',
    );
  });
  it('says a resource that is not an object must be one', async () => {
    await expect(parseTemplate('{"Resources":{"A":"AWS::S3::Bucket"}}')).rejects.toThrow(
      'Resource A must be an object with a Type',
    );
  });
});
