import { describe, expect, it } from '@jest/globals';
import { CombinedError } from 'urql';
import { errorResultOf, formErrorsOf, messageOf, NO_ERRORS, normalizeFieldPath } from '../../../clients/dashboard/src/forms/field-errors.js';

/**
 * The dashboard's mapping of API errors to form fields, on errors shaped as the API sends them:
 * the kit's format-error writes BAD_USER_INPUT as one `field: problem` line per field with
 * `extensions.fields`, and typed error results come back as the mutation's result.
 */
describe('formErrorsOf', () => {
  it('puts each line of a BAD_USER_INPUT next to the field it names, without the argument', () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'input.points: points must not be less than 1\ninput.reason: reason must be shorter than or equal to 255 characters',
          extensions: { code: 'BAD_USER_INPUT', fields: ['input.points', 'input.reason'] },
        },
      ],
    });
    expect(formErrorsOf(error)).toEqual({
      fields: { points: 'points must not be less than 1', reason: 'reason must be shorter than or equal to 255 characters' },
      form: null,
    });
  });

  it('reads nested and bracketed paths as dotted ones', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'input.rules.0.points: must be at least 1', extensions: { code: 'BAD_USER_INPUT', fields: ['input.rules.0.points'] } }],
    });
    expect(formErrorsOf(error).fields).toEqual({ 'rules.0.points': 'must be at least 1' });
    expect(normalizeFieldPath('input.rules[2].points')).toBe('rules.2.points');
    expect(normalizeFieldPath('settings.name', 'settings')).toBe('name');
    expect(normalizeFieldPath('other.name')).toBe('other.name');
  });

  it('keeps a line naming no listed field, and a BAD_USER_INPUT without fields, for the form', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'input.points: too many\nthe request as a whole is wrong', extensions: { code: 'BAD_USER_INPUT', fields: ['input.points'] } },
        { message: 'shopifyId must be a Shopify numeric id', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
    expect(formErrorsOf(error)).toEqual({ fields: { points: 'too many' }, form: 'the request as a whole is wrong\nshopifyId must be a Shopify numeric id' });
  });

  it('shows the first message for a field named twice', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'input.points: first\ninput.points: second', extensions: { code: 'BAD_USER_INPUT', fields: ['input.points'] } }],
    });
    expect(formErrorsOf(error).fields).toEqual({ points: 'first' });
  });

  it('gives FORBIDDEN and other codes to the form', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Missing scope: points:write', extensions: { code: 'FORBIDDEN' } }] });
    expect(formErrorsOf(error)).toEqual({ fields: {}, form: 'Missing scope: points:write' });
  });

  it('puts a typed error result that names its field next to it', () => {
    const result = { __typename: 'InvalidSettingsError', code: 'INVALID_SETTINGS', message: 'must be between 0 and 100', field: 'input.pointsPerCurrencyUnit' };
    expect(formErrorsOf(undefined, result)).toEqual({ fields: { pointsPerCurrencyUnit: 'must be between 0 and 100' }, form: null });
  });

  it('drops the field a typed error repeats at the start of its message', () => {
    const result = { __typename: 'InvalidTierProgramError', code: 'INVALID_TIER_PROGRAM', message: 'tiers[1].id: no such tier', field: 'tiers[1].id' };
    expect(formErrorsOf(undefined, result)).toEqual({ fields: { 'tiers.1.id': 'no such tier' }, form: null });
  });

  it('gives a typed error result without a field to the form', () => {
    const result = { __typename: 'InsufficientPointsError', code: 'INSUFFICIENT_POINTS', message: 'Balance 10 is less than 50', field: null };
    expect(formErrorsOf(undefined, result)).toEqual({ fields: {}, form: 'Balance 10 is less than 50' });
    const withoutField = { __typename: 'CustomerNotFoundError', code: 'CUSTOMER_NOT_FOUND', message: 'No such customer' };
    expect(formErrorsOf(undefined, withoutField)).toEqual({ fields: {}, form: 'No such customer' });
  });

  it('gives a network failure to the form, as urql words it', () => {
    const error = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    const errors = formErrorsOf(error);
    expect(errors.fields).toEqual({});
    expect(errors.form).toBe('Failed to fetch');
  });

  it('finds nothing wrong in a success', () => {
    expect(formErrorsOf(undefined, { __typename: 'PointsChange' })).toEqual(NO_ERRORS);
    expect(formErrorsOf(undefined, null)).toEqual(NO_ERRORS);
  });
});

describe('errorResultOf', () => {
  it('is the result when it carries an error code, else null', () => {
    const typed = { __typename: 'InsufficientPointsError', code: 'INSUFFICIENT_POINTS', message: 'too few', balance: 3, required: 5 };
    expect(errorResultOf(typed)).toBe(typed);
    expect(errorResultOf({ __typename: 'PointsChange', duplicate: false })).toBeNull();
    expect(errorResultOf(null)).toBeNull();
    expect(errorResultOf(undefined)).toBeNull();
  });
});

describe('messageOf', () => {
  it('gives the API’s own words, without urql’s [GraphQL] prefix', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Only admins may do that', extensions: { code: 'FORBIDDEN' } }] });
    expect(error.message).toBe('[GraphQL] Only admins may do that');
    expect(messageOf(error)).toBe('Only admins may do that');
  });

  it('gives the network’s words when the API said nothing', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(messageOf(error)).toBe('Failed to fetch');
  });
});
