/**
 * The scopes a partner key may hold: the API's `CreateApiKeyInput.scopes` accepts these and no
 * others (PARTNER_SCOPES in the merchant subgraph, which a unit test holds this list to).
 */
export const PARTNER_SCOPES = [
  'merchant:read',
  'customers:read',
  'customers:write',
  'points:read',
  'points:write',
  'tiers:read',
  'tiers:manage',
  'referrals:read',
  'referrals:manage',
  'segments:read',
  'segments:manage',
  'webhooks:manage',
] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

export const MAX_NAME_LENGTH = 100;

export interface ApiKeyForm {
  name: string;
  scopes: string[];
}

export type ApiKeyFormProblem = 'nameRequired' | 'nameTooLong' | 'scopesRequired' | 'unknownScope';

/** The checks the API makes on `CreateApiKeyInput`, made before sending so the form shows them at once. */
export function apiKeyFormProblems(form: ApiKeyForm): Partial<Record<keyof ApiKeyForm, ApiKeyFormProblem>> {
  const problems: Partial<Record<keyof ApiKeyForm, ApiKeyFormProblem>> = {};
  const name = form.name.trim();
  if (!name) problems.name = 'nameRequired';
  else if (name.length > MAX_NAME_LENGTH) problems.name = 'nameTooLong';
  if (!form.scopes.length) problems.scopes = 'scopesRequired';
  else if (form.scopes.some((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope))) problems.scopes = 'unknownScope';
  return problems;
}

/** The input to send: the name trimmed, the scopes in the API's order and each once. */
export function apiKeyInput(form: ApiKeyForm): { name: string; scopes: string[] } {
  return { name: form.name.trim(), scopes: PARTNER_SCOPES.filter((scope) => form.scopes.includes(scope)) };
}

export type ApiKeyState = 'active' | 'revoked' | 'expired';

/** A key is refused once revoked or past its expiry. */
export function apiKeyState(key: { revokedAt: string | null; expiresAt: string | null }, now: Date = new Date()): ApiKeyState {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}
