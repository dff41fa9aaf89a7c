import { describe, expect, it } from '@jest/globals';
import {
  deliveryTone,
  disabledByFailures,
  pluralForm,
  subscriptionState,
  TOPIC_ORDER,
  WEBHOOK_TOPICS,
  webhookSubscriptionFormProblems,
  webhookSubscriptionInput,
} from '../../../clients/dashboard/src/pages/operations/webhook-subscriptions/webhook-subscription-form.js';
import { WebhookTopic } from '../../../subgraphs/merchant/src/domain/webhook-topics.js';

/** The webhook subscriptions tab's form checks and labels, held to the API's own catalog and limits. */
describe('the webhook subscription form', () => {
  const form = { url: 'https://hooks.example/loyalnest', topics: ['POINTS_EARNED'], description: '' };

  it('lists every topic the API has, by its enum name and wire name', () => {
    expect(Object.entries(WEBHOOK_TOPICS).sort()).toEqual(Object.entries(WebhookTopic).sort());
  });

  it('asks for a web URL of at most 2048 characters, at least one known topic and a description of at most 200', () => {
    expect(webhookSubscriptionFormProblems(form)).toEqual({});
    // http passes here: a development deployment accepts it, and only the API knows which this is.
    expect(webhookSubscriptionFormProblems({ ...form, url: 'http://127.0.0.1:3000/hooks' })).toEqual({});
    expect(webhookSubscriptionFormProblems({ ...form, url: '  ' })).toEqual({ url: 'urlRequired' });
    expect(webhookSubscriptionFormProblems({ ...form, url: `https://h.example/${'a'.repeat(2048)}` })).toEqual({ url: 'urlTooLong' });
    expect(webhookSubscriptionFormProblems({ ...form, url: 'hooks.example/x' })).toEqual({ url: 'urlNotWeb' });
    expect(webhookSubscriptionFormProblems({ ...form, url: 'ftp://hooks.example/x' })).toEqual({ url: 'urlNotWeb' });
    expect(webhookSubscriptionFormProblems({ ...form, topics: [] })).toEqual({ topics: 'topicsRequired' });
    expect(webhookSubscriptionFormProblems({ ...form, topics: ['POINTS_EARNED', 'points.earned'] })).toEqual({ topics: 'unknownTopic' });
    expect(webhookSubscriptionFormProblems({ ...form, description: 'x'.repeat(200) })).toEqual({});
    expect(webhookSubscriptionFormProblems({ ...form, description: 'x'.repeat(201) })).toEqual({ description: 'descriptionTooLong' });
  });

  it('sends the URL and description trimmed, no description as null, the topics once each in the catalog’s order', () => {
    expect(webhookSubscriptionInput({ url: ' https://h.example/x ', topics: ['TIER_CHANGED', 'CUSTOMER_CREATED', 'TIER_CHANGED'], description: '  ' })).toEqual({
      url: 'https://h.example/x',
      topics: ['CUSTOMER_CREATED', 'TIER_CHANGED'],
      description: null,
    });
    expect(webhookSubscriptionInput({ ...form, description: ' CRM ' }).description).toBe('CRM');
    expect(TOPIC_ORDER[0]).toBe('CUSTOMER_CREATED');
  });

  it('tells a failing endpoint from a healthy one, and failures turning it off from a pause by hand', () => {
    expect(subscriptionState({ status: 'ACTIVE', disabledReason: null, consecutiveFailures: 0 })).toBe('active');
    expect(subscriptionState({ status: 'ACTIVE', disabledReason: null, consecutiveFailures: 3 })).toBe('failing');
    expect(subscriptionState({ status: 'DISABLED', disabledReason: 'FAILURES', consecutiveFailures: 20 })).toBe('disabledByFailures');
    expect(subscriptionState({ status: 'DISABLED', disabledReason: 'MERCHANT', consecutiveFailures: 0 })).toBe('paused');
    expect(subscriptionState({ status: 'DISABLED', disabledReason: 'API_KEY_REVOKED', consecutiveFailures: 0 })).toBe('disabledKeyRevoked');
    expect(subscriptionState({ status: 'DISABLED', disabledReason: 'APP_UNINSTALLED', consecutiveFailures: 2 })).toBe('disabledUninstalled');
    expect(deliveryTone('PENDING')).toBe('attention');
    expect(deliveryTone('DELIVERED')).toBe('success');
    expect(deliveryTone('FAILED')).toBe('critical');
  });

  it('warns of the subscriptions failures turned off only, longest off first', () => {
    const subscriptions = [
      { id: 'paused', status: 'DISABLED', disabledReason: 'MERCHANT', disabledAt: '2026-12-01T00:00:00Z' },
      { id: 'revoked', status: 'DISABLED', disabledReason: 'API_KEY_REVOKED', disabledAt: '2026-12-01T00:00:00Z' },
      { id: 'uninstalled', status: 'DISABLED', disabledReason: 'APP_UNINSTALLED', disabledAt: '2026-12-01T00:00:00Z' },
      { id: 'recent', status: 'DISABLED', disabledReason: 'FAILURES', disabledAt: '2026-12-05T00:00:00Z' },
      { id: 'active', status: 'ACTIVE', disabledReason: null, disabledAt: null },
      { id: 'older', status: 'DISABLED', disabledReason: 'FAILURES', disabledAt: '2026-12-02T00:00:00Z' },
    ];
    expect(disabledByFailures(subscriptions).map((s) => s.id)).toEqual(['older', 'recent']);
  });

  it('picks the singular for one attempt and the plural otherwise, by each language’s rules', () => {
    expect(['en', 'es', 'fr'].map((locale) => [pluralForm(locale, 1), pluralForm(locale, 2), pluralForm(locale, 20)])).toEqual([
      ['one', 'other', 'other'],
      ['one', 'other', 'other'],
      ['one', 'other', 'other'],
    ]);
  });
});
