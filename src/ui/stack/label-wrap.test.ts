import { describe, expect, it } from 'vitest';
import { camelWords, estimateLabelWidth, labelLines, labelPieces, labelUnits } from './label-wrap';

describe('labelPieces', () => {
  it('breaks only after separators, and gives the name back whole', () => {
    const name = 'my-stack-OrdersApiHTTPServerRole2024-AB12CD34EF56';
    expect(labelPieces(name)).toEqual(['my-', 'stack-', 'OrdersApiHTTPServerRole2024-', 'AB12CD34EF56']);
    expect(labelPieces(name).join('')).toBe(name);
    expect(labelPieces('reader_ids')).toEqual(['reader_', 'ids']);
    expect(labelPieces('abcdef')).toEqual(['abcdef']);
  });
  it('keeps a <Parameter> placeholder whole and breaks before and after it', () => {
    expect(labelPieces('<AuthName>Identity')).toEqual(['<AuthName>', 'Identity']);
    expect(labelPieces('<AuthName>-user-pool')).toEqual(['<AuthName>-', 'user-', 'pool']);
    expect(labelPieces('pool<Stage>')).toEqual(['pool', '<Stage>']);
  });
});

describe('camelWords', () => {
  it('cuts between camel-case words and keeps runs of capitals and digits whole', () => {
    expect(camelWords('OrdersApiHTTPServer')).toEqual(['Orders', 'Api', 'HTTP', 'Server']);
    expect(camelWords('Role2024AB12CD')).toEqual(['Role2024AB12CD']);
  });
  it('keeps a one- or two-letter word with its neighbour', () => {
    expect(camelWords('CognitoUnAuthorizedRole-')).toEqual(['Cognito', 'UnAuthorized', 'Role-']);
    expect(camelWords('S3Bucket')).toEqual(['S3Bucket']);
    expect(camelWords('OrdersApiV2')).toEqual(['Orders', 'ApiV2']);
  });
});

describe('labelLines', () => {
  const tenPx = (t: string) => 10 * [...t].length;
  it('fills lines piece by piece, as a browser fills them', () => {
    expect(labelLines('short', 100, tenPx)).toBe(1);
    // "abc-" + "defgh-" fit 100 px; "ijklmn" goes to a second line.
    expect(labelLines('abc-defgh-ijklmn', 100, tenPx)).toBe(2);
  });
  it('gives a word wider than a line one line of its own (drawn with an ellipsis), never splits it', () => {
    expect(labelUnits(`ab-${'x'.repeat(25)}-cd`, 100, tenPx)).toEqual(['ab-', `${'x'.repeat(25)}-`, 'cd']);
    expect(labelLines(`ab-${'x'.repeat(25)}-cd`, 100, tenPx)).toBe(3);
  });
  it('cuts a piece wider than a line between its camel-case words', () => {
    expect(labelUnits('my-CustomerOrderProcessing', 120, tenPx)).toEqual([
      'my-',
      'Customer',
      'Order',
      'Processing',
    ]);
  });
  it('gives a 40-character logical id more than one line in a 174 px box', () => {
    const name = 'my-stack-CustomerOrderProcessingPipelineExecutionRole-AB12CD34EF56';
    expect(labelLines(name, 174, estimateLabelWidth)).toBeGreaterThan(2);
  });
});
