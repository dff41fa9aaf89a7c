import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { loadGatewayConfig, SUPERGRAPH_GRAPHQL } from '../../gateway/src/config.js';
import { LIVE_ROUTING_URL } from '../../gateway/src/live/live-schema.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { connectLive, type LiveConnection } from './support/live.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

/** The routing URL supergraph.graphql gives the `live` subgraph, as another router reads it. */
function liveRoutingUrl(): string {
  const match = /LIVE @join__graph\(name: "live", url: "([^"]+)"\)/.exec(readFileSync(SUPERGRAPH_GRAPHQL, 'utf8'));
  if (!match) throw new Error('supergraph.graphql has no live subgraph');
  return match[1];
}

/**
 * A subscription as a federation router sends it to the subgraph owning its root field: only the
 * fields `live` owns, the entity as a `__typename`/key reference (the router resolves its other
 * fields from the customer subgraph).
 */
const ROUTER_FETCH = 'subscription($c: ID) { pointsBalanceChanged(customerId: $c) { __typename balance kind customer { __typename id } } }';

describe('routing the live subgraph (another federation router)', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let bea: CreatedCustomer;
  const open: LiveConnection[] = [];

  /** The composed routing URL, on the port this test's gateway listens on (the default, 4000, may be taken). */
  const routedUrl = () => {
    const url = new URL(liveRoutingUrl());
    url.port = new URL(gateway.url).port;
    return url.toString();
  };

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor.routing@example.com', firstName: 'Noor' });
    bea = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea.routing@example.com', firstName: 'Bea' });
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    await gateway.stop();
  });

  it("is the gateway's own graphql-ws endpoint at its default host and port, not a placeholder", () => {
    const defaults = { ...process.env };
    delete defaults.HOST;
    delete defaults.PORT;
    const config = loadGatewayConfig(defaults);
    expect(liveRoutingUrl()).toBe(LIVE_ROUTING_URL);
    expect(liveRoutingUrl()).toBe(`ws://${config.host}:${config.port}/graphql`);
  });

  it("answers a router's subscription fetch at that URL over graphql-ws, with the caller's credential in connection_init", async () => {
    const connection = connectLive(routedUrl(), a.auth.authorization);
    open.push(connection);
    const event = await connection.subscribe(ROUTER_FETCH, { c: noor.id }).next();
    expect(event).toEqual({ data: { pointsBalanceChanged: { __typename: 'PointsBalanceChange', balance: 0, kind: 'CURRENT', customer: { __typename: 'Customer', id: noor.id } } } });
  });

  it("refuses there another merchant's customer, as on any socket", async () => {
    const connection = connectLive(routedUrl(), a.auth.authorization);
    open.push(connection);
    const event = await connection.subscribe(ROUTER_FETCH, { c: bea.id }).next();
    expect(event.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
