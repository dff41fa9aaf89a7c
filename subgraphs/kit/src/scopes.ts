/** What a caller may do. Admins hold every scope but `auth:resolve`; partner keys hold what the merchant granted. */
export const Scope = {
  MERCHANT_READ: 'merchant:read',
  MERCHANT_WRITE: 'merchant:write',
  CUSTOMERS_READ: 'customers:read',
  CUSTOMERS_WRITE: 'customers:write',
  API_KEYS_MANAGE: 'api_keys:manage',
  /** Listing and retrying events that consumers could not apply (dead letters). */
  EVENTS_MANAGE: 'events:manage',
  /** Reading the audit trail and verifying its hash chain. */
  AUDIT_READ: 'audit:read',
  /** Reading points accounts, ledgers, rewards and the points liability. */
  POINTS_READ: 'points:read',
  /** Awarding and deducting points, and redeeming rewards for any customer. */
  POINTS_WRITE: 'points:write',
  /** Changing the earning rules and the rewards catalog. */
  POINTS_MANAGE: 'points:manage',
  /** Reading the VIP tier program's settings (the tiers themselves are public to every caller of the merchant). */
  TIERS_READ: 'tiers:read',
  /** Changing the VIP tier program: its tiers and its qualification settings. */
  TIERS_MANAGE: 'tiers:manage',
  /** Reading the referral program's settings and every customer's referral code, link and clicks. */
  REFERRALS_READ: 'referrals:read',
  /** Changing the referral program: its rewards, conversion rule, hold window, caps and fraud-check policy. */
  REFERRALS_MANAGE: 'referrals:manage',
  /** Reading customer segments: RFM scores, segment members, counts over time, movements and exports. */
  SEGMENTS_READ: 'segments:read',
  /** Changing the segment definitions and scoring settings, starting recomputes and member exports. */
  SEGMENTS_MANAGE: 'segments:manage',
  /**
   * Subscribing endpoints to the outgoing webhooks' topics, changing, disabling and deleting those
   * subscriptions, rotating their signing secrets, and listing and replaying their deliveries.
   */
  WEBHOOKS_MANAGE: 'webhooks:manage',
  /** A shopper acting on their own customer record only. */
  CUSTOMER_SELF: 'customer:self',
  /** Seeing the merchant's GDPR requests and retrieving data exports. */
  GDPR_READ: 'gdpr:read',
  /** Carrying out GDPR requests across subgraphs; held only by the system callers of event handlers. */
  GDPR_EXECUTE: 'gdpr:execute',
  /** Reading a stored webhook delivery's payload; held only by the system callers of event handlers. */
  WEBHOOKS_READ: 'webhooks:read',
  /**
   * Listing the webhook inbox's deliveries (topic, times, status; never a body): apart from
   * `webhooks:read` so that an admin who holds it cannot read the bodies, which hold PII.
   */
  WEBHOOK_DELIVERIES_READ: 'webhook_deliveries:read',
  /**
   * Acting on the merchant's shop through the Shopify Admin API (discount codes, Flow triggers)
   * with the token only the merchant subgraph holds; held only by the system callers of other subgraphs.
   */
  SHOPIFY_ADMIN: 'shopify:admin',
  /** Resolving who a caller is (a shop, an API key); held only by the system callers of the ingresses that authenticate them (the gateway, the Flow actions). */
  AUTH_RESOLVE: 'auth:resolve',
} as const;

export const ADMIN_SCOPES: string[] = [
  Scope.MERCHANT_READ,
  Scope.MERCHANT_WRITE,
  Scope.CUSTOMERS_READ,
  Scope.CUSTOMERS_WRITE,
  Scope.API_KEYS_MANAGE,
  Scope.EVENTS_MANAGE,
  Scope.GDPR_READ,
  Scope.WEBHOOK_DELIVERIES_READ,
  Scope.AUDIT_READ,
  Scope.POINTS_READ,
  Scope.POINTS_WRITE,
  Scope.POINTS_MANAGE,
  Scope.TIERS_READ,
  Scope.TIERS_MANAGE,
  Scope.REFERRALS_READ,
  Scope.REFERRALS_MANAGE,
  Scope.SEGMENTS_READ,
  Scope.SEGMENTS_MANAGE,
  Scope.WEBHOOKS_MANAGE,
];

export const SHOPPER_SCOPES: string[] = [Scope.CUSTOMER_SELF];
