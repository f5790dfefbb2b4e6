import { describe, expect, it } from 'vitest';
import {
  columnResource,
  headingSegments,
  limitNotice,
  matrixTally,
  middleEllipsis,
  splitGroup,
} from './matrix-labels';

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

const limits = (callers: [number, number], actions: [number, number]) => ({
  callers: { shown: callers[0], total: callers[1], omitted: Array(callers[1] - callers[0]).fill('x') },
  actions: { shown: actions[0], total: actions[1], omitted: Array(actions[1] - actions[0]).fill('y') },
});

describe('limitNotice', () => {
  it('says plainly how many callers and columns a cap left out', () => {
    expect(limitNotice(limits([60, 84], [150, 150]))).toBe(
      'Showing 60 of 84 callers. The rest are listed below: every cell is a real policy evaluation, so the matrix keeps to 60 callers and 9,000 cells.',
    );
    expect(limitNotice(limits([60, 84], [150, 210]))).toBe(
      'Showing 60 of 84 callers and 150 of 210 columns. The rest are listed below: every cell is a real policy evaluation, so the matrix keeps to 60 callers and 9,000 cells.',
    );
    expect(limitNotice(limits([3, 3], [200, 201]))).toMatch(/^Showing 200 of 201 columns\. /);
  });

  it('says nothing when everything is shown', () => {
    expect(limitNotice(limits([3, 3], [10, 10]))).toBeUndefined();
  });
});

describe('matrixTally', () => {
  it('explains the mark on a column no policy writes out', () => {
    const matrix = {
      callers: [],
      actions: [
        { id: 'a', action: 's3:GetObject', resource: 'r', group: 'g', derived: 'not written …' },
        { id: 'b', action: 's3:PutObject', resource: 'r', group: 'g' },
      ],
      cells: [],
      limits: limits([0, 0], [2, 2]),
    };
    expect(matrixTally(matrix)).toBe(
      '✓ allowed: 0 · ✗ denied: 0 · ◆ column reached by a wildcard, NotAction or NotResource statement: 1.',
    );
  });
});
