import { registerEnumType } from 'type-graphql';

export enum ReferralFriendRewardKindType {
  FIXED_AMOUNT = 'fixed_amount',
  PERCENTAGE = 'percentage',
  FREE_SHIPPING = 'free_shipping',
}
registerEnumType(ReferralFriendRewardKindType, {
  name: 'ReferralFriendRewardKind',
  description: 'What the discount code a referred friend gets takes off their order.',
  valuesConfig: {
    FIXED_AMOUNT: { description: "A fixed amount in the shop's currency." },
    PERCENTAGE: { description: 'A percentage of the order, 1 to 100.' },
    FREE_SHIPPING: { description: 'The shipping of the order.' },
  },
});

export enum ReferralConversionRuleType {
  ORDER_PAID = 'order_paid',
  ORDER_FULFILLED = 'order_fulfilled',
}
registerEnumType(ReferralConversionRuleType, {
  name: 'ReferralConversionRule',
  description: "When the friend's first order counts as the referral's conversion.",
  valuesConfig: {
    ORDER_PAID: { description: 'Once the order is paid.' },
    ORDER_FULFILLED: { description: 'Once the order is fulfilled (shipped), which a cancelled order never is.' },
  },
});

export enum ReferralFraudCheckType {
  SELF_REFERRAL = 'self_referral',
  ADVOCATE_PLACED_ORDER = 'advocate_placed_order',
  SAME_IP_AS_ADVOCATE = 'same_ip_as_advocate',
  IP_CLAIM_BURST = 'ip_claim_burst',
  SAME_SHIPPING_ADDRESS = 'same_shipping_address',
  EXISTING_CUSTOMER = 'existing_customer',
  ADVOCATE_OVER_CAP = 'advocate_over_cap',
}
registerEnumType(ReferralFraudCheckType, {
  name: 'ReferralFraudCheck',
  description: 'A signal that a referral may not be a new friend brought by the advocate.',
  valuesConfig: {
    SELF_REFERRAL: { description: "The friend is the advocate: the same customer, or the same email once normalized (case, dots and +tags where the provider ignores them)." },
    ADVOCATE_PLACED_ORDER: { description: "The friend's order was placed by the advocate's customer account." },
    SAME_IP_AS_ADVOCATE: { description: "The friend claimed from the IP address of the advocate's recent activity (compared as keyed hashes)." },
    IP_CLAIM_BURST: { description: 'One IP address claimed at least `claimBurstPerWeek` times in seven days.' },
    SAME_SHIPPING_ADDRESS: { description: "The friend's order ships to the advocate's address (compared as keyed hashes)." },
    EXISTING_CUSTOMER: { description: 'The friend was already a customer with orders before the claim.' },
    ADVOCATE_OVER_CAP: { description: 'The advocate has reached the monthly or lifetime cap of rewarded referrals.' },
  },
});

export enum ReferralFraudActionType {
  BLOCK = 'block',
  FLAG = 'flag',
}
registerEnumType(ReferralFraudActionType, {
  name: 'ReferralFraudAction',
  description: 'What a fraud check that hits does to the referral.',
  valuesConfig: {
    BLOCK: { description: 'The referral pays nothing until an admin approves it.' },
    FLAG: { description: 'The referral proceeds; the reason is recorded on it for review.' },
  },
});

export enum ReferralStatusType {
  CLAIMED = 'CLAIMED',
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  BLOCKED = 'BLOCKED',
  VOIDED = 'VOIDED',
  REJECTED = 'REJECTED',
}
registerEnumType(ReferralStatusType, {
  name: 'ReferralStatus',
  description: "Where a referral stands, from the friend's claim to the advocate's reward.",
  valuesConfig: {
    CLAIMED: { description: 'The friend claimed and holds their discount code; no qualifying order yet.' },
    PENDING: { description: "The friend's first qualifying order converted it; the advocate's points wait for the hold window." },
    COMPLETED: { description: 'The hold window passed and the advocate earned their points.' },
    BLOCKED: { description: 'A fraud check blocked it; it pays nothing until an admin approves it.' },
    VOIDED: { description: 'The qualifying order was cancelled, or refunded below the minimum, inside the hold window.' },
    REJECTED: { description: 'An admin refused it.' },
  },
});
