import { createValidator } from '../../core/validate';
import type { JsonInput } from '../../protocol/json-1-1';
import { idpErrors } from './errors';

/** Shape checks of the cognito-idp model (service-2.json), failing as InvalidParameterException. */
export const v = createValidator('InvalidParameterException');

export const CLIENT_ID = { min: 1, max: 128, pattern: /^[\w+]+$/, patternText: '[\\w+]+' };
export const USERNAME = {
  min: 1,
  max: 128,
  pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u,
  patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
};
export const PASSWORD = { min: 6, max: 256, pattern: /^[\S]+(.*[\S]+)?$/, patternText: '^[\\S]+.*[\\S]+$' };
export const CODE = { min: 1, max: 2048, pattern: /^[\S]+$/, patternText: '[\\S]+' };
export const TOKEN = { pattern: /^[A-Za-z0-9-_=.]+$/, patternText: '[A-Za-z0-9-_=.]+' };

/**
 * A Boolean member given another JSON kind fails in the JSON front end before the operation runs
 * (unv for this API: the wording is the one observed from Cognito identity pools' front end).
 */
export function optionalBoolean(input: JsonInput, field: string): boolean | undefined {
  const value = input[field];
  if (value === undefined || value === null || typeof value === 'boolean') return value ?? undefined;
  if (Array.isArray(value)) throw idpErrors.serialization('Start of list found where not expected');
  if (typeof value === 'object')
    throw idpErrors.serialization('Start of structure or map found where not expected.');
  const token = typeof value === 'string' ? 'STRING_VALUE' : 'NUMBER_VALUE';
  throw idpErrors.serialization(`${token} can not be converted to a Boolean`);
}
