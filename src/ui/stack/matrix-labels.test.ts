import { describe, expect, it } from 'vitest';
import { columnResource, headingSegments, middleEllipsis, splitGroup } from './matrix-labels';

const POOL = 'us-east-1:95466efc-f48e-4113-a323-da5bbff9f338';

describe('middleEllipsis', () => {
  it('keeps both ends of a long id and leaves a short one alone', () => {
    expect(middleEllipsis('95466efc-f48e-4113-a323-da5bbff9f338', 20)).toBe('95466efc-f…bbff9f338');
    expect(middleEllipsis('95466efc-f48e-4113-a323-da5bbff9f338', 24)).toBe('95466efc-f48…a5bbff9f338');
    expect(middleEllipsis('short', 20)).toBe('short');
  });
});

describe('headingSegments', () => {
  it('breaks only after : and /, shortening a long run in its middle', () => {
    expect(headingSegments(`identitypool/${POOL}`)).toEqual([
      'identitypool/',
      'us-east-1:',
      '95466efc-f48…a5bbff9f338',
    ]);
  });
  it('keeps a <Parameter> placeholder whole, breaking before and after it', () => {
    expect(headingSegments('map/<LocationResourcePrefix>example')).toEqual([
      'map/',
      '<LocationResourcePrefix>',
      'example',
    ]);
  });
});

describe('splitGroup', () => {
  it('separates the service from the resource, and leaves a heading without one whole', () => {
    expect(splitGroup(`cognito-sync identitypool/${POOL}`)).toEqual({
      head: 'cognito-sync',
      resource: `identitypool/${POOL}`,
    });
    expect(splitGroup('bucket photos')).toEqual({ head: 'bucket', resource: 'photos' });
    expect(splitGroup('any resource (*)')).toEqual({ head: 'any resource (*)' });
  });
});

describe('columnResource', () => {
  it('shows only what the column adds to its group', () => {
    const arn = `arn:aws:cognito-sync:us-east-1:123456789012:identitypool/${POOL}`;
    expect(columnResource(`cognito-sync identitypool/${POOL}`, arn)).toBe('');
    expect(columnResource('any resource (*)', '*')).toBe('');
    expect(columnResource('bucket photos', 'arn:aws:s3:::photos/public/example.txt')).toBe(
      'public/example.txt',
    );
    expect(columnResource('bucket photos', 'arn:aws:s3:::photos s3:prefix=public/')).toBe(
      's3:prefix=public/',
    );
    expect(
      columnResource(
        'bucket photos',
        'arn:aws:s3:::photos/private/<identity B>/example.txt (another identity’s)',
      ),
    ).toBe('private/<identity …other identity’s)');
  });
});
