import { randomBytes } from 'node:crypto';
import { mintDevToken } from '../../../gateway/src/auth/dev-token.js';
import { withOwnerDb } from './db.js';
import type { FakeShopify } from './fake-shopify.js';
import type { TestGateway } from './gateway.js';
import type { TestMerchant } from './tenants.js';
import { bearer } from './tokens.js';

/**
 * The install as the merchant's browser and Shopify drive it against the fake: `/auth/install`,
 * then the signed callback, so the merchant ends with an offline token at the fake. Returns the
 * merchant's id.
 */
export async function installShop(origin: string, fake: FakeShopify, shop: string): Promise<string> {
  const begin = await fetch(`${origin}/auth/install?shop=${shop}`, { redirect: 'manual' });
  const state = new URL(begin.headers.get('location')!).searchParams.get('state')!;
  const done = await fetch(`${origin}/auth/callback?${fake.callbackQuery({ shop, code: fake.issueCode(shop), state })}`, { redirect: 'manual' });
  await done.arrayBuffer();
  if (done.status !== 302) throw new Error(`installing ${shop} failed: the callback answered HTTP ${done.status}`);
  const [row] = await withOwnerDb('merchant', async (db) => (await db.query<{ id: string }>('select id from merchant where shop_domain = $1', [shop])).rows);
  return row.id;
}

/** A merchant of its own, installed through OAuth against the fake Shopify, with a dev token for its admin. */
export async function installMerchant(gateway: TestGateway, fake: FakeShopify, label: string): Promise<TestMerchant> {
  const shop = `${label}-${randomBytes(6).toString('hex')}.myshopify.com`;
  const id = await installShop(new URL(gateway.url).origin, fake, shop);
  const token = await mintDevToken(gateway.config.devTokenSecret, { shop, role: 'admin' });
  return { id, shop, token, auth: bearer(token) };
}
