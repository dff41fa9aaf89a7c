// The partner SDK end to end: list customers, award points safely, walk every customer.
// Run against `npm start`: LOYALNEST_API_KEY=lnk_… bash scripts/run.sh pnpm --silent --filter @loyalnest/partner-sdk example
import { createLoyalNestClient, LoyalNestError, paginate } from '@loyalnest/partner-sdk';

const apiKey = process.env.LOYALNEST_API_KEY;
if (!apiKey) {
  console.error('Set LOYALNEST_API_KEY to a partner API key (scopes customers:read, points:read, points:write).');
  process.exit(1);
}

const client = createLoyalNestClient({
  url: process.env.LOYALNEST_URL ?? 'http://127.0.0.1:4000/graphql',
  apiKey,
  // Throttled answers are waited out and retried; this only reports them.
  onThrottle: (event) => console.warn(`${event.operationName}: ${event.reason}, retry ${event.attempt} in ${event.waitMs} ms`),
});

try {
  // 1. The first page of customers.
  const { customers } = await client.customers({ first: 5 });
  for (const customer of customers.nodes) console.log(`customer ${customer.id} ${customer.email ?? '(no email)'}, ${customer.ordersCount} orders`);
  const first = customers.nodes[0];
  if (!first) throw new Error('The shop has no customers yet.');

  // 2. Award points with an idempotency key of our own (here: the review's id). Sent again, by a
  //    retry or by running this script twice, the award is applied once: `duplicate` says so.
  const { awardPoints } = await client.awardPoints({
    input: { customerId: first.id, points: 25, reason: 'Wrote a product review', idempotencyKey: `review-42-${first.id}` },
  });
  if (awardPoints.__typename === 'PointsChange') {
    console.log(`awarded ${awardPoints.entry.points} points (duplicate: ${awardPoints.duplicate}); balance now ${awardPoints.account.balance}`);
  } else {
    // A business outcome, as data: CustomerNotFoundError or IdempotencyKeyReusedError.
    console.log(`not awarded: ${awardPoints.__typename} ${awardPoints.code}: ${awardPoints.message}`);
  }

  // 3. Every customer, page after page (50 a page), following pageInfo.endCursor.
  let count = 0;
  let points = 0;
  for await (const customer of paginate(client.customers, { first: 50 })) {
    count++;
    if (customer.id === first.id) points = (await client.customerPoints({ customerId: customer.id })).customer?.points.balance ?? 0;
  }
  console.log(`${count} customers in all; ${first.email ?? first.id} holds ${points} points`);
} catch (error) {
  // Transport, authentication, authorization and bad input: thrown, with the API's code.
  if (error instanceof LoyalNestError) console.error(`LoyalNest refused: ${error.code} (HTTP ${error.status ?? '-'}, request ${error.requestId ?? '-'}): ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
}
