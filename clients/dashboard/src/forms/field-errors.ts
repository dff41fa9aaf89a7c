import type { CombinedError } from 'urql';

/** What a form shows: a message per field (by the input's field path) and one for the form. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** A typed error result of a mutation (`... on ErrorResult`), some of which name the field. */
export interface ErrorResultLike {
  __typename: string;
  code?: string;
  message?: string;
  field?: string | null;
}

/**
 * `input.rules.0.points` and `rules[0].points` name the same field: forms key their fields by the
 * input's own path in dotted form, without the argument's name.
 */
export function normalizeFieldPath(path: string, argument = 'input'): string {
  const dotted = path.replace(/\[(\d+)\]/g, '.$1');
  return dotted.startsWith(`${argument}.`) ? dotted.slice(argument.length + 1) : dotted;
}

/**
 * The API refuses bad input in two ways, and a form shows both next to the field:
 * - BAD_USER_INPUT errors, whose message has one `field: problem` line per field and whose
 *   `extensions.fields` lists the fields;
 * - typed error results (`InvalidSettingsError { field }` …) returned as the mutation's result.
 * Anything else (FORBIDDEN, a network failure, an error naming no field) is the form's error.
 */
export function formErrorsOf(error: CombinedError | undefined, result?: ErrorResultLike | null, argument = 'input'): FormErrors {
  const fields: Record<string, string> = {};
  const formMessages: string[] = [];
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const named = graphQLError.extensions?.fields;
    if (graphQLError.extensions?.code !== 'BAD_USER_INPUT' || !Array.isArray(named) || named.length === 0) {
      formMessages.push(graphQLError.message);
      continue;
    }
    for (const line of graphQLError.message.split('\n')) {
      const colon = line.indexOf(': ');
      const path = colon > 0 ? line.slice(0, colon) : '';
      if (path && named.includes(path)) fields[normalizeFieldPath(path, argument)] ??= line.slice(colon + 2);
      else formMessages.push(line);
    }
  }
  if (error?.networkError) formMessages.push(error.networkError.message);
  if (result && 'code' in result && result.message) {
    // Some typed errors repeat their field at the start of the message (`tiers[1].id: …`); next to the field it is noise.
    if (result.field) fields[normalizeFieldPath(result.field, argument)] ??= result.message.startsWith(`${result.field}: `) ? result.message.slice(result.field.length + 2) : result.message;
    else formMessages.push(result.message);
  }
  return { fields, form: formMessages.length ? formMessages.join('\n') : null };
}

/** The typed error of a mutation's result union, or null when the result is the success type. */
export function errorResultOf<T extends { __typename?: string }>(result: T | null | undefined): (T & ErrorResultLike) | null {
  return result && 'code' in result && typeof (result as ErrorResultLike).code === 'string' ? (result as T & ErrorResultLike) : null;
}

/**
 * What a failed request says, for a banner: the API's own messages (urql's `error.message` puts
 * "[GraphQL]" or "[Network]" before them), else the network's.
 */
export function messageOf(error: CombinedError): string {
  const messages = error.graphQLErrors.map((graphQLError) => graphQLError.message);
  return messages.length ? messages.join('\n') : (error.networkError?.message ?? error.message);
}
