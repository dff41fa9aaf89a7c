import { describe, expect, it } from '@jest/globals';
// The merchant subgraph's input class needs the metadata polyfill the kit loads.
import '@loyalnest/kit';
import { apiKeyFormProblems, apiKeyInput, apiKeyState, PARTNER_SCOPES } from '../../../clients/dashboard/src/pages/operations/api-keys/api-key-form.js';
import { auditFilterOf, dayStart, EMPTY_AUDIT_FILTER } from '../../../clients/dashboard/src/pages/operations/audit/audit-filter.js';
import { currentCursor, FIRST_PAGE, hasPreviousPage, nextPage, previousPage } from '../../../clients/dashboard/src/pages/operations/cursor-paging.js';
import {
  deadLetterTone,
  domainFlags,
  domainsNeedingRetry,
  parseDeadLetterStatus,
  parseDomain,
} from '../../../clients/dashboard/src/pages/operations/dead-letters/dead-letter-domains.js';
import { gdprKindKey, gdprProgress } from '../../../clients/dashboard/src/pages/operations/gdpr/gdpr-progress.js';
import { webhookFilterOf, webhookTone } from '../../../clients/dashboard/src/pages/operations/webhooks/webhook-filter.js';
import { PARTNER_SCOPES as API_PARTNER_SCOPES } from '../../../subgraphs/merchant/src/graphql/create-api-key.input.js';

describe('the operations page’s data shaping', () => {
  describe('cursor paging', () => {
    it('steps forward by end cursors and back along the trail, never before the first page', () => {
      expect(currentCursor(FIRST_PAGE)).toBeNull();
      expect(hasPreviousPage(FIRST_PAGE)).toBe(false);
      const second = nextPage(FIRST_PAGE, 'c1');
      const third = nextPage(second, 'c2');
      expect(currentCursor(third)).toBe('c2');
      expect(hasPreviousPage(third)).toBe(true);
      expect(currentCursor(previousPage(third))).toBe('c1');
      expect(previousPage(previousPage(third))).toEqual(FIRST_PAGE);
      expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
      // A page without an end cursor has nothing after it.
      expect(nextPage(second, null)).toBe(second);
    });
  });

  describe('dead letters', () => {
    it('selects exactly one domain for the @include flags', () => {
      expect(domainFlags('points')).toEqual({ merchant: false, customer: false, points: true, referral: false, segment: false, tier: false, audit: false });
    });

    it('reads domains and statuses from the selects, refusing anything else', () => {
      expect(parseDomain('tier')).toBe('tier');
      expect(parseDomain('payments')).toBeNull();
      expect(parseDomain(undefined)).toBeNull();
      expect(parseDeadLetterStatus('RETRYING')).toBe('RETRYING');
      expect(parseDeadLetterStatus('')).toBeNull();
      expect(parseDeadLetterStatus('dead')).toBeNull();
    });

    it('lists the domains with a dead letter waiting, in the page’s order', () => {
      const one = { nodes: [{ id: 'x' }] };
      const none = { nodes: [] };
      expect(domainsNeedingRetry({ audit: one, merchant: none, customer: one })).toEqual(['customer', 'audit']);
      expect(domainsNeedingRetry(undefined)).toEqual([]);
    });

    it('gives each status its badge tone', () => {
      expect([deadLetterTone('DEAD'), deadLetterTone('RETRYING'), deadLetterTone('RESOLVED')]).toEqual(['critical', 'attention', 'success']);
    });
  });

  describe('audit filter', () => {
    it('sends nothing when nothing narrows the trail', () => {
      expect(auditFilterOf(EMPTY_AUDIT_FILTER)).toEqual({ filter: null, problems: {} });
      expect(auditFilterOf({ ...EMPTY_AUDIT_FILTER, entityType: '   ', actorKind: 'NOBODY' })).toEqual({ filter: null, problems: {} });
    });

    it('trims text, keeps a known actor kind and turns the days into an instant range that includes the last day', () => {
      const { filter, problems } = auditFilterOf({ entityType: ' ApiKey ', actorKind: 'PARTNER', action: 'created', from: '2026-12-01', to: '2026-12-06' });
      expect(problems).toEqual({});
      expect(filter).toEqual({ entityType: 'ApiKey', actorKind: 'PARTNER', action: 'created', from: '2026-12-01T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
    });

    it('names the field of an impossible date, a range ending before it starts, or an overlong text', () => {
      expect(auditFilterOf({ ...EMPTY_AUDIT_FILTER, from: '2026-02-31' }).problems).toEqual({ from: 'invalidDate' });
      expect(auditFilterOf({ ...EMPTY_AUDIT_FILTER, to: 'yesterday' }).problems).toEqual({ to: 'invalidDate' });
      expect(auditFilterOf({ ...EMPTY_AUDIT_FILTER, from: '2026-12-06', to: '2026-12-05' }).problems).toEqual({ to: 'toBeforeFrom' });
      expect(auditFilterOf({ ...EMPTY_AUDIT_FILTER, from: '2026-12-06', to: '2026-12-06' }).problems).toEqual({});
      expect(auditFilterOf({ ...EMPTY_AUDIT_FILTER, action: 'x'.repeat(201) }).problems).toEqual({ action: 'tooLong' });
    });

    it('reads only real calendar days', () => {
      expect(dayStart('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
      expect(dayStart('2026-02-29')).toBeNull();
      expect(dayStart('2026-1-5')).toBeNull();
    });
  });

  describe('webhook filter', () => {
    it('sends the trimmed topic and a known status, or nothing', () => {
      expect(webhookFilterOf({ topic: ' orders/paid ', status: 'PROCESSED' })).toEqual({ filter: { topic: 'orders/paid', status: 'PROCESSED' }, topicTooLong: false });
      expect(webhookFilterOf({ topic: '', status: '' })).toEqual({ filter: null, topicTooLong: false });
      expect(webhookFilterOf({ topic: '', status: 'processed' })).toEqual({ filter: null, topicTooLong: false });
    });

    it('refuses a topic longer than the API takes', () => {
      expect(webhookFilterOf({ topic: 'x'.repeat(101), status: '' })).toEqual({ filter: null, topicTooLong: true });
      expect(webhookFilterOf({ topic: 'x'.repeat(100), status: '' }).topicTooLong).toBe(false);
    });

    it('gives each status its badge tone', () => {
      expect([webhookTone('RECEIVED'), webhookTone('PROCESSED'), webhookTone('IGNORED'), webhookTone('MALFORMED')]).toEqual(['attention', 'success', undefined, 'critical']);
    });
  });

  describe('GDPR progress', () => {
    it('counts completed parts and names each kind, the retired lower-case names included', () => {
      expect(gdprProgress([{ status: 'COMPLETED' }, { status: 'PENDING' }, { status: 'completed' }])).toEqual({ done: 2, total: 3 });
      expect(gdprProgress([])).toEqual({ done: 0, total: 0 });
      expect([gdprKindKey('CUSTOMER_REDACT'), gdprKindKey('customer_data_request'), gdprKindKey('SHOP_REDACT')]).toEqual(['customerRedact', 'customerDataRequest', 'shopRedact']);
    });
  });

  describe('API key form', () => {
    it('offers exactly the scopes the API lets a partner key hold', () => {
      expect([...PARTNER_SCOPES].sort()).toEqual([...API_PARTNER_SCOPES].sort());
    });

    it('names the field of each problem the API would refuse', () => {
      expect(apiKeyFormProblems({ name: '  ', scopes: [] })).toEqual({ name: 'nameRequired', scopes: 'scopesRequired' });
      expect(apiKeyFormProblems({ name: 'x'.repeat(101), scopes: ['events:manage'] })).toEqual({ name: 'nameTooLong', scopes: 'unknownScope' });
      expect(apiKeyFormProblems({ name: 'Reviews app', scopes: ['points:read'] })).toEqual({});
    });

    it('sends the trimmed name and the scopes once each, in the API’s order', () => {
      expect(apiKeyInput({ name: ' Reviews app ', scopes: ['points:write', 'customers:read', 'points:write'] })).toEqual({ name: 'Reviews app', scopes: ['customers:read', 'points:write'] });
    });

    it('tells active, revoked and expired keys apart', () => {
      const now = new Date('2026-12-06T12:00:00Z');
      expect(apiKeyState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
      expect(apiKeyState({ revokedAt: null, expiresAt: '2026-12-07T00:00:00Z' }, now)).toBe('active');
      expect(apiKeyState({ revokedAt: null, expiresAt: '2026-12-06T12:00:00Z' }, now)).toBe('expired');
      expect(apiKeyState({ revokedAt: '2026-12-01T00:00:00Z', expiresAt: '2026-12-01T00:00:00Z' }, now)).toBe('revoked');
    });
  });
});
