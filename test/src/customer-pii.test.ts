import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const ENCRYPTED_COLUMNS = ['email_encrypted', 'first_name_encrypted', 'last_name_encrypted'] as const;

type CustomerRow = Record<string, unknown> & {
  email_encrypted: string | null;
  email_blind_index: string | null;
  first_name_encrypted: string | null;
  last_name_encrypted: string | null;
};

/** The stored row as the database owner sees it: what a leaked backup or a curious DBA would read. */
async function rawRow(id: string): Promise<CustomerRow> {
  const { rows } = await withOwnerDb('customer', (c) => c.query<CustomerRow>('select * from customer where id = $1', [id]));
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** `<keyId>:<base64(nonce 12 | ciphertext | tag 16)>`, split into its parts. */
function sealed(stored: string): { keyId: string; nonce: Buffer; body: Buffer } {
  const sep = stored.indexOf(':');
  const raw = Buffer.from(stored.slice(sep + 1), 'base64');
  return { keyId: stored.slice(0, sep), nonce: raw.subarray(0, 12), body: raw.subarray(12, raw.length - 16) };
}

describe('customer PII at rest', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let other: TestMerchant;

  // Distinctive enough that a match anywhere in the row can only be the plaintext.
  const email = 'Zebulon.Quixotic-PII@Example.org';
  const firstName = 'Zebulonqx';
  const lastName = 'Quixoticpii';

  let activeKeyId: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    // New data is written with the first configured key ("dev1" unless ENCRYPTION_KEYS says otherwise).
    activeKeyId = gateway.config.kit.encryptionKeys.split(',')[0].trim().split(':')[0];
    merchant = await createMerchant(gateway);
    other = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  it('stores no plaintext email or name in any column', async () => {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email, firstName, lastName });
    expect(customer).toMatchObject({ email: email.toLowerCase(), firstName, lastName });

    const row = await rawRow(customer.id);

    const everything = JSON.stringify(row).toLowerCase();
    for (const plaintext of [email, email.toLowerCase(), 'zebulon.quixotic-pii', firstName, lastName]) {
      expect(everything).not.toContain(plaintext.toLowerCase());
    }
    for (const column of ENCRYPTED_COLUMNS) {
      expect(row[column]).toMatch(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/]+=*$/);
      expect(sealed(row[column]!).keyId).toBe(activeKeyId);
    }
    expect(row.email_blind_index).toMatch(/^[0-9a-f]{64}$/);
  });

  it('encrypts equal names with fresh nonces, so their ciphertexts differ', async () => {
    const a = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'Twin' });
    const b = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'Twin' });

    const [sa, sb] = [sealed((await rawRow(a.id)).first_name_encrypted!), sealed((await rawRow(b.id)).first_name_encrypted!)];

    expect(sa.keyId).toBe(sb.keyId);
    expect(sa.nonce.equals(sb.nonce)).toBe(false);
    // The AAD differs per row too, but it only changes the tag: equal bodies would mean a reused nonce.
    expect(sa.body.equals(sb.body)).toBe(false);
  });

  it('still finds the customer by email through the API', async () => {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'Findable.PII@Example.org' });

    const result = await gateway.gql<{ customers: { nodes: { id: string; email: string }[] } }>(
      'query($email: String!) { customers(filter: { email: $email }) { nodes { id email } } }',
      { email: 'FINDABLE.pii@example.ORG' },
      merchant.auth,
    );

    expect(result.errors).toBeUndefined();
    expect(result.data!.customers.nodes).toEqual([{ id: customer.id, email: 'findable.pii@example.org' }]);
  });

  it("refuses to decrypt an email copied into another customer's row", async () => {
    // given: B's email ciphertext replaced, as the owner, by A's
    const a = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'copied-secret@example.org' });
    const b = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'victim@example.org' });
    const original = (await rawRow(b.id)).email_encrypted;
    await withOwnerDb('customer', (c) => c.query('update customer set email_encrypted = (select email_encrypted from customer where id = $1) where id = $2', [a.id, b.id]));
    try {
      // when: B is read
      const result = await gateway.gql<{ customer: { id: string; email: string } | null }>(
        'query($id: ID!) { customer(id: $id) { id email } }',
        { id: b.id },
        merchant.auth,
      );

      // then: an internal error on the email field (PII is decrypted per field), not A's email under B's name
      expect(JSON.stringify(result)).not.toContain('copied-secret');
      expect(result.status).toBe(200);
      expect(result.data?.customer?.email ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].path).toEqual(['customer', 'email']);
      expect(result.errors![0].message).toBe('Internal server error');
      expect(result.errors![0].extensions).toMatchObject({ code: 'INTERNAL' });
      expect(result.errors![0].extensions).not.toHaveProperty('stacktrace');
    } finally {
      await withOwnerDb('customer', (c) => c.query('update customer set email_encrypted = $1 where id = $2', [original, b.id]));
    }

    const restored = await gateway.gql<{ customer: { email: string } }>('query($id: ID!) { customer(id: $id) { email } }', { id: b.id }, merchant.auth);
    expect(restored.data!.customer.email).toBe('victim@example.org');
  });

  it('gives the same email a different blind index at each merchant', async () => {
    const shared = 'shared.pii@example.org';
    const mine = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: shared });
    const theirs = await upsertCustomer(gateway, other, { shopifyId: shopifyId(), email: shared });
    const again = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: shared.toUpperCase() });

    const [mineRow, theirsRow, againRow] = await Promise.all([rawRow(mine.id), rawRow(theirs.id), rawRow(again.id)]);

    expect(mineRow.email_blind_index).toMatch(/^[0-9a-f]{64}$/);
    expect(theirsRow.email_blind_index).toMatch(/^[0-9a-f]{64}$/);
    expect(mineRow.email_blind_index).not.toBe(theirsRow.email_blind_index);
    // Within one merchant the index is deterministic (and case-insensitive), or lookup could not work.
    expect(againRow.email_blind_index).toBe(mineRow.email_blind_index);
  });
});
