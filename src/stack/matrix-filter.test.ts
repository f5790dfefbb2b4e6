import { describe, expect, it } from 'vitest';
import type { AccessMatrix } from './matrix';
import { filterMatrix, NO_FILTER } from './matrix-filter';

const limit = { shown: 2, total: 2, omitted: [] };
const MATRIX: AccessMatrix = {
  callers: [
    { id: 'guest', label: 'Guest of ExamplePool' },
    { id: 'auth', label: 'Signed-in user of ExamplePool' },
  ],
  actions: [
    { id: 'put', action: 's3:PutObject', resource: 'arn:aws:s3:::photos/*', group: 'S3 photos' },
    { id: 'get', action: 's3:GetObject', resource: 'arn:aws:s3:::photos/*', group: 'S3 photos' },
    { id: 'lex', action: 'lex:*', resource: '*', group: 'Lex' },
  ],
  cells: [
    { caller: 'guest', action: 'put', decision: 'deny', reason: '' },
    { caller: 'guest', action: 'get', decision: 'allow', reason: '' },
    { caller: 'guest', action: 'lex', decision: 'allow', reason: '' },
    { caller: 'auth', action: 'put', decision: 'allow', reason: '' },
    { caller: 'auth', action: 'get', decision: 'allow', reason: '' },
    { caller: 'auth', action: 'lex', decision: 'deny', reason: '' },
  ],
  limits: { callers: limit, actions: { shown: 3, total: 3, omitted: [] } },
};

describe('filterMatrix', () => {
  it('keeps the whole matrix, the same object, when nothing is typed', () => {
    expect(filterMatrix(MATRIX, NO_FILTER)).toBe(MATRIX);
    expect(filterMatrix(MATRIX, { callers: '  ', columns: '' })).toBe(MATRIX);
  });

  it('narrows callers by name and columns by service, action or resource, ignoring case and order', () => {
    const shown = filterMatrix(MATRIX, { callers: 'GUEST', columns: 'object PUT' });
    expect(shown.callers.map((c) => c.id)).toEqual(['guest']);
    expect(shown.actions.map((a) => a.id)).toEqual(['put']);
    expect(shown.cells).toEqual([{ caller: 'guest', action: 'put', decision: 'deny', reason: '' }]);
    expect(filterMatrix(MATRIX, { callers: '', columns: 'photos' }).actions.map((a) => a.id)).toEqual([
      'put',
      'get',
    ]);
    expect(filterMatrix(MATRIX, { callers: '', columns: 'lex' }).cells).toHaveLength(2);
  });

  it('shows nothing for words no caller has, and keeps the import’s limits as they were', () => {
    const none = filterMatrix(MATRIX, { callers: 'admin', columns: '' });
    expect(none.callers).toEqual([]);
    expect(none.cells).toEqual([]);
    expect(none.limits).toBe(MATRIX.limits);
  });
});
