import { readFileSync } from 'node:fs';

/** The name the gateway's own subscription schema composes under; no subgraph service has it. */
export const LIVE_SUBGRAPH = 'live';

/**
 * Where `live` is routed in supergraph.graphql: the gateway's own graphql-ws endpoint at its
 * default `HOST` and `PORT`. This gateway never fetches from it (it resolves these fields
 * itself); another federation router forwards its subscriptions there over graphql-ws, with the
 * URL overridden for its deployment (README, "Routing subscriptions through another router").
 */
export const LIVE_ROUTING_URL = 'ws://127.0.0.1:4000/graphql';

export const LIVE_SDL = readFileSync(new URL('./live.graphql', import.meta.url), 'utf8');

/** Types the live schema owns: their fields come from the Redis message, by field name. */
export const LIVE_PAYLOAD_TYPES = new Set(['PointsBalanceChange', 'RedemptionUpdate', 'TierChangeUpdate', 'MerchantActivity']);
