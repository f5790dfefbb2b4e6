import { createValidator } from '../../core/validate';

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
