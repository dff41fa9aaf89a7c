import { readFileSync } from 'node:fs';

/** The name the gateway's own subscription schema composes under; no subgraph service has it. */
export const LIVE_SUBGRAPH = 'live';

/** Where it would be routed; nothing is: the gateway serves these fields over graphql-ws itself. */
export const LIVE_ROUTING_URL = 'ws://gateway/graphql';

export const LIVE_SDL = readFileSync(new URL('./live.graphql', import.meta.url), 'utf8');

/** Types the live schema owns: their fields come from the Redis message, by field name. */
export const LIVE_PAYLOAD_TYPES = new Set(['PointsBalanceChange', 'RedemptionUpdate', 'MerchantActivity']);
