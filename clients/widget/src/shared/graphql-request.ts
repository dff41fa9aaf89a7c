import type { TypedDocumentString } from '../generated/graphql.js';
import { type SessionClient, WidgetError } from './session.client.js';

/**
 * One GraphQL request to the API, cross-origin with the session's bearer token (no cookies). A 401
 * gets a fresh session and one more try. Thrown errors carry only a code (the API's
 * `extensions.code`, `NETWORK`, or `HTTP_<status>`); the panel turns codes into the shopper's words.
 */
export async function request<R, V>(sessions: SessionClient, document: TypedDocumentString<R, V>, variables: V, retried = false): Promise<R> {
  const session = await sessions.current();
  let response: Response;
  try {
    response = await fetch(session.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ query: String(document), variables }),
    });
  } catch {
    throw new WidgetError('NETWORK');
  }
  if (response.status === 401 && !retried) {
    await sessions.refresh();
    return request(sessions, document, variables, true);
  }
  const body = (await response.json().catch(() => null)) as { data?: R; errors?: Array<{ extensions?: { code?: string } }> } | null;
  const code = body?.errors?.[0]?.extensions?.code;
  if (code || !body?.data) throw new WidgetError(code ?? `HTTP_${response.status}`);
  return body.data;
}
