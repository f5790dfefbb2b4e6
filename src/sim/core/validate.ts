import { createDict, setOwn } from './dict';
import { invalidInput, validationMessage } from './errors';

/**
 * Input checks in AWS's validation style. Each service names the code its API uses for a shape
 * violation (Cognito: `InvalidParameterException`, STS: `ValidationError`, SSM: `ValidationException`)
 * and the field path style of its messages (Cognito and STS write camelCase member names, e.g. 'password').
 */
export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** Written into the message, e.g. `[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+`. */
  patternText?: string;
}

export interface Validator {
  /** A required string member; `field` is the wire name, `path` the name AWS prints (defaults to camelCase). */
  string(input: Record<string, unknown>, field: string, rule?: StringRule, path?: string): string;
  optionalString(
    input: Record<string, unknown>,
    field: string,
    rule?: StringRule,
    path?: string,
  ): string | undefined;
  optionalInteger(
    input: Record<string, unknown>,
    field: string,
    range?: { min?: number; max?: number },
    path?: string,
  ): number | undefined;
  optionalStringMap(input: Record<string, unknown>, field: string): Record<string, string> | undefined;
  fail(message: string): never;
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function createValidator(code: string, status = 400): Validator {
  const fail = (message: string): never => {
    throw invalidInput(code, message, status);
  };
  const check = (value: string, rule: StringRule | undefined, path: string, sensitive: boolean) => {
    if (!rule) return;
    const shown = sensitive ? undefined : value;
    if (rule.min !== undefined && value.length < rule.min) {
      fail(
        validationMessage([
          {
            field: path,
            value: shown,
            constraint: `Member must have length greater than or equal to ${rule.min}`,
          },
        ]),
      );
    }
    if (rule.max !== undefined && value.length > rule.max) {
      fail(
        validationMessage([
          {
            field: path,
            value: shown,
            constraint: `Member must have length less than or equal to ${rule.max}`,
          },
        ]),
      );
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      fail(
        validationMessage([
          {
            field: path,
            value: shown,
            constraint: `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`,
          },
        ]),
      );
    }
  };
  const isSensitive = (field: string) => /password|secret|token|code/i.test(field);
  const v: Validator = {
    fail,
    string(input, field, rule, path = camel(field)) {
      const value = input[field];
      if (value === undefined || value === null) {
        fail(validationMessage([{ field: path, value: null, constraint: 'Member must not be null' }]));
      }
      if (typeof value !== 'string')
        fail(
          `Invalid type for parameter ${field}, value: ${JSON.stringify(value)}, type: ${typeof value}, valid types: string`,
        );
      check(value as string, rule, path, isSensitive(field));
      return value as string;
    },
    optionalString(input, field, rule, path = camel(field)) {
      if (input[field] === undefined || input[field] === null) return undefined;
      return v.string(input, field, rule, path);
    },
    optionalInteger(input, field, range, path = camel(field)) {
      const value = input[field];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value))
        fail(`Invalid type for parameter ${field}: expected an integer`);
      const n = value as number;
      if (range?.min !== undefined && n < range.min) {
        fail(
          validationMessage([
            {
              field: path,
              value: String(n),
              constraint: `Member must have value greater than or equal to ${range.min}`,
            },
          ]),
        );
      }
      if (range?.max !== undefined && n > range.max) {
        fail(
          validationMessage([
            {
              field: path,
              value: String(n),
              constraint: `Member must have value less than or equal to ${range.max}`,
            },
          ]),
        );
      }
      return n;
    },
    optionalStringMap(input, field) {
      const value = input[field];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'object' || Array.isArray(value))
        fail(`Invalid type for parameter ${field}: expected a map`);
      const out = createDict<string>();
      for (const [k, val] of Object.entries(value as Record<string, unknown>)) {
        if (typeof val !== 'string') fail(`Invalid type for parameter ${field}.${k}: expected a string`);
        setOwn(out, k, val as string);
      }
      return out;
    },
  };
  return v;
}
