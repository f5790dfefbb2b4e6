import { describe, expect, it } from 'vitest';
import { estimateLabelWidth, labelLines, labelPieces } from './label-wrap';

describe('labelPieces', () => {
  it('breaks after separators and between camel-case words, and gives the name back whole', () => {
    const name = 'my-stack-OrdersApiHTTPServerRole2024-AB12CD34EF56';
    expect(labelPieces(name)).toEqual([
      'my-',
      'stack-',
      'Orders',
      'Api',
      'HTTP',
      'Server',
      'Role2024-',
      'AB12CD34EF56',
    ]);
    expect(labelPieces(name).join('')).toBe(name);
  });
  it('keeps runs of capitals and digits whole, and breaks a digit from the word after it', () => {
    expect(labelPieces('S3BucketAB12CD')).toEqual(['S3', 'Bucket', 'AB12CD']);
    expect(labelPieces('reader_ids')).toEqual(['reader_', 'ids']);
    expect(labelPieces('abcdef')).toEqual(['abcdef']);
  });
});

describe('labelLines', () => {
  const tenPx = (t: string) => 10 * [...t].length;
  it('fills lines piece by piece, as a browser fills them', () => {
    expect(labelLines('short', 100, tenPx)).toBe(1);
    // "abc-" + "defgh-" fit 100 px; "ijklmn" goes to a second line.
    expect(labelLines('abc-defgh-ijklmn', 100, tenPx)).toBe(2);
  });
  it('splits a piece wider than a line by characters', () => {
    expect(labelLines('x'.repeat(25), 100, tenPx)).toBe(3);
  });
  it('gives a 40-character logical id more than one line in a 174 px box', () => {
    const name = 'my-stack-CustomerOrderProcessingPipelineExecutionRole-AB12CD34EF56';
    expect(labelLines(name, 174, estimateLabelWidth)).toBeGreaterThan(2);
  });
});
