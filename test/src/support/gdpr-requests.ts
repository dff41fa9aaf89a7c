import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import type { TestMerchant } from './tenants.js';

const REQUESTS = `query { gdprRequests(first: 100) { nodes { id kind status } } }`;

/** The ids of the merchant's GDPR requests so far: what `completedRequest` should not take for a new one. */
export async function requestIds(gateway: TestGateway, merchant: TestMerchant): Promise<Set<string>> {
  const result = await gateway.gql<{ gdprRequests: { nodes: { id: string }[] } }>(REQUESTS, {}, merchant.auth);
  return new Set(result.data!.gdprRequests.nodes.map((n) => n.id));
}

/** Waits for a request of `kind` not among `known` to complete (every subgraph's part committed); returns its id. */
export async function completedRequest(gateway: TestGateway, merchant: TestMerchant, kind: string, known: Set<string>): Promise<string> {
  const request = await eventually(
    async () => {
      const result = await gateway.gql<{ gdprRequests: { nodes: { id: string; kind: string; status: string }[] } }>(REQUESTS, {}, merchant.auth);
      return result.data!.gdprRequests.nodes.find((n) => n.kind === kind && n.status === 'COMPLETED' && !known.has(n.id));
    },
    20_000,
    `a completed ${kind} request`,
  );
  return request.id;
}

/** The tables of a store that hold a row of the merchant, sorted. */
export function tablesWithRows(store: string, merchantId: string): Promise<string[]> {
  return withOwnerDb(store, async (db) => {
    const { rows: tables } = await db.query<{ table_name: string }>("select table_name from information_schema.columns where table_schema = 'public' and column_name = 'merchant_id'");
    const found: string[] = [];
    for (const { table_name } of tables) {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${table_name}" where merchant_id = $1`, [merchantId]);
      if (rows[0].n) found.push(table_name);
    }
    return found.sort();
  });
}
