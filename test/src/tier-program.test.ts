import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { TIER_PROGRAM, TIERS, tierInput, tierProgramOf, UPDATE_TIER_PROGRAM, updateTierProgram, type TierNode, type TierProgramNode } from './support/tiers.js';

const AUDIT = `query { auditEntries(first: 10) { nodes { entityType entityId action summary actor { kind } } } }`;
type AuditNode = { entityType: string; entityId: string | null; action: string; summary: Record<string, unknown>; actor: { kind: string } };

/** Every row the tier store holds of the merchant's program, as one digest: a refused change leaves it as it was. */
async function storedProgram(merchantId: string): Promise<string> {
  return withOwnerDb('tier', async (db) => {
    const { rows } = await db.query<{ d: string }>(
      `select md5(coalesce((select string_agg(t::text, ',' order by t::text) from tier_program t where merchant_id = $1), '') || '|' ||
                  coalesce((select string_agg(t::text, ',' order by t::text) from tier t where merchant_id = $1), '')) as d`,
      [merchantId],
    );
    return rows[0].d;
  });
}

async function storedRows(merchantId: string): Promise<{ programs: number; tiers: number }> {
  return withOwnerDb('tier', async (db) => {
    const { rows } = await db.query<{ programs: number; tiers: number }>(
      'select (select count(*)::int from tier_program where merchant_id = $1) as programs, (select count(*)::int from tier where merchant_id = $1) as tiers',
      [merchantId],
    );
    return rows[0];
  });
}

const GOLDEN = {
  metric: 'AMOUNT_SPENT',
  period: 'CALENDAR_YEAR',
  periodStartMonth: 7,
  periodStartDay: 1,
  graceDays: 14,
  downgradePolicy: 'ONE_TIER_AT_A_TIME',
  skippedTierBonus: 'HIGHEST_ONLY',
  tiers: [
    { names: [{ locale: 'FR', text: 'Bronze' }, { locale: 'EN', text: ' Bronze ' }], threshold: 0, earnMultiplier: 1 },
    {
      names: [{ locale: 'EN', text: 'Silver' }, { locale: 'ES', text: 'Plata' }, { locale: 'FR', text: 'Argent' }],
      threshold: 500,
      earnMultiplier: 1.25,
      entryBonusPoints: 50,
      perks: [{ texts: [{ locale: 'EN', text: 'Free shipping' }, { locale: 'FR', text: 'Livraison offerte' }] }],
    },
    { names: [{ locale: 'EN', text: 'Gold' }], threshold: 1500, earnMultiplier: 2, entryBonusPoints: 150 },
  ],
};

describe.each<Mode>(['embedded', 'networked'])('the tier program (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });
  afterAll(() => gateway.stop());

  const tiersAs = async (auth: Record<string, string>, locale?: string) => {
    const result = await gateway.gql<{ tiers: TierNode[] }>(TIERS, { locale }, auth);
    expect(result.errors).toBeUndefined();
    return result.data!.tiers;
  };

  it('has the defaults and no tiers until the merchant saves a program', async () => {
    const merchant = await createMerchant(gateway);

    expect(await tierProgramOf(gateway, merchant)).toEqual({
      metric: 'POINTS_EARNED',
      period: 'LIFETIME',
      periodStartMonth: 1,
      periodStartDay: 1,
      rollingMonths: 12,
      graceDays: 0,
      downgradePolicy: 'REPLACE_BY_METRIC',
      skippedTierBonus: 'ALL',
      version: 0,
      updatedAt: null,
      tiers: [],
    });
    expect(await tiersAs(merchant.auth)).toEqual([]);
    expect(await storedRows(merchant.id)).toEqual({ programs: 0, tiers: 0 });
  });

  it('saves a whole program and reads it back, names per language, and records the change for the audit trail', async () => {
    const merchant = await createMerchant(gateway);

    const saved = await updateTierProgram(gateway, merchant.auth, GOLDEN);

    expect(saved).toMatchObject({
      __typename: 'TierProgram',
      metric: 'AMOUNT_SPENT',
      period: 'CALENDAR_YEAR',
      periodStartMonth: 7,
      periodStartDay: 1,
      rollingMonths: 12,
      graceDays: 14,
      downgradePolicy: 'ONE_TIER_AT_A_TIME',
      skippedTierBonus: 'HIGHEST_ONLY',
      version: 1,
      updatedAt: expect.any(String),
      tiers: [
        // Texts come back in a fixed language order (en, es, fr), trimmed.
        { position: 0, names: [{ locale: 'EN', text: 'Bronze' }, { locale: 'FR', text: 'Bronze' }], name: 'Bronze', threshold: 0, earnMultiplier: 1, entryBonusPoints: null, perks: [] },
        {
          position: 1,
          names: [{ locale: 'EN', text: 'Silver' }, { locale: 'ES', text: 'Plata' }, { locale: 'FR', text: 'Argent' }],
          name: 'Silver',
          threshold: 500,
          earnMultiplier: 1.25,
          entryBonusPoints: 50,
          perks: [{ texts: [{ locale: 'EN', text: 'Free shipping' }, { locale: 'FR', text: 'Livraison offerte' }], text: 'Free shipping' }],
        },
        { position: 2, names: [{ locale: 'EN', text: 'Gold' }], name: 'Gold', threshold: 1500, earnMultiplier: 2, entryBonusPoints: 150, perks: [] },
      ],
    });
    const { __typename: _, ...program } = saved as TierProgramNode & { __typename: string };
    expect(new Set(program.tiers.map((t) => t.id)).size).toBe(3);
    expect(await tierProgramOf(gateway, merchant)).toEqual(program);
    // A name in the language asked for, else in English.
    expect((await tiersAs(merchant.auth, 'FR')).map((t) => [t.name, t.perks.map((p) => p.text)])).toEqual([
      ['Bronze', []],
      ['Argent', ['Livraison offerte']],
      ['Gold', []],
    ]);

    const events = await withOwnerDb('tier', async (db) =>
      (await db.query<{ topic: string; payload: Record<string, unknown> }>('select topic, payload from outbox_event where merchant_id = $1 order by id', [merchant.id])).rows,
    );
    expect(events).toEqual([
      { topic: 'tier_program.updated', payload: expect.objectContaining({ version: 1, tierIds: program.tiers.map((t) => t.id), metric: 'amount_spent', period: 'calendar_year' }) },
      { topic: 'audit.mutation_executed', payload: expect.objectContaining({ subgraph: 'tier', mutation: 'updateTierProgram', outcome: 'TierProgram', ok: true }) },
    ]);
    // and the audit trail has both, under the admin who made the change
    const trail = await eventually(async () => {
      const result = await gateway.gql<{ auditEntries: { nodes: AuditNode[] } }>(AUDIT, {}, merchant.auth);
      const nodes = result.data?.auditEntries.nodes ?? [];
      return nodes.length >= 2 ? nodes : undefined;
    }, 15_000, 'the program change in the audit trail');
    expect(trail.map((e) => [e.entityType, e.entityId, e.action, e.actor.kind]).sort()).toEqual([
      ['Mutation', 'updateTierProgram', 'executed', 'ADMIN'],
      ['TierProgram', null, 'updated', 'ADMIN'],
    ]);
    expect(trail.find((e) => e.entityType === 'TierProgram')!.summary).toMatchObject({ version: 1, tierIds: program.tiers.map((t) => t.id), skippedTierBonus: 'highest_only' });
  });

  it('keeps tier ids across changes: by position when none is given, the given one otherwise; tiers left out are removed', async () => {
    const merchant = await createMerchant(gateway);
    const first = (await updateTierProgram(gateway, merchant.auth, GOLDEN)) as TierProgramNode;
    const [bronze, silver, gold] = first.tiers.map((t) => t.id);

    // when the names and thresholds change in place and a fourth tier is added
    const renamed = (await updateTierProgram(gateway, merchant.auth, {
      tiers: [tierInput('Member', 0), tierInput('Plus', 400), tierInput('Premium', 1000), tierInput('Platinum', 5000, { earnMultiplier: 3 })],
    })) as TierProgramNode;
    // then the three keep their ids and only the fourth is new
    expect(renamed.tiers.map((t) => [t.id, t.name])).toEqual([[bronze, 'Member'], [silver, 'Plus'], [gold, 'Premium'], [expect.any(String), 'Platinum']]);
    expect([bronze, silver, gold]).not.toContain(renamed.tiers[3].id);
    expect(renamed).toMatchObject({ version: 2, metric: 'POINTS_EARNED', period: 'LIFETIME' });

    // when the lowest tier is dropped and the others named by id move down, two of them swapping places
    const moved = (await updateTierProgram(gateway, merchant.auth, {
      tiers: [tierInput('Premium', 0, { id: gold }), tierInput('Plus', 400, { id: silver }), tierInput('Platinum', 5000, { id: renamed.tiers[3].id })],
    })) as TierProgramNode;
    expect(moved.tiers.map((t) => [t.id, t.position, t.name])).toEqual([[gold, 0, 'Premium'], [silver, 1, 'Plus'], [renamed.tiers[3].id, 2, 'Platinum']]);
    expect(await storedRows(merchant.id)).toEqual({ programs: 1, tiers: 3 });

    // when the program is emptied, every tier goes and the settings stay
    const emptied = (await updateTierProgram(gateway, merchant.auth, { tiers: [], graceDays: 3 })) as TierProgramNode;
    expect(emptied).toMatchObject({ tiers: [], graceDays: 3, version: 4 });
    expect(await storedRows(merchant.id)).toEqual({ programs: 1, tiers: 0 });
  });

  it('applies concurrent changes one after the other: the result is one of them whole, never a mix', async () => {
    const merchant = await createMerchant(gateway);
    const programs = Array.from({ length: 5 }, (_, n) => ({ tiers: Array.from({ length: n + 1 }, (_, i) => tierInput(`P${n}T${i}`, i * 100)) }));

    const results = await Promise.all(programs.map((input) => updateTierProgram(gateway, merchant.auth, input)));

    expect(results.map((r) => r.__typename)).toEqual(Array(5).fill('TierProgram'));
    expect(results.map((r) => (r as TierProgramNode).version).sort()).toEqual([1, 2, 3, 4, 5]);
    const final = await tierProgramOf(gateway, merchant);
    expect(final.version).toBe(5);
    const last = results.find((r) => (r as TierProgramNode).version === 5) as TierProgramNode;
    expect(final.tiers.map((t) => t.name)).toEqual(last.tiers.map((t) => t.name));
    expect(await storedRows(merchant.id)).toEqual({ programs: 1, tiers: final.tiers.length });
  });

  it("lets shoppers read their merchant's tiers but neither the settings nor a change", async () => {
    await updateTierProgram(gateway, a.auth, GOLDEN);
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
    const shopper = await shopperAuth(gateway, a, customer.id);
    const before = await storedProgram(a.id);

    expect((await tiersAs(shopper, 'ES')).map((t) => t.name)).toEqual(['Bronze', 'Plata', 'Gold']);
    expect((await gateway.gql(TIER_PROGRAM, {}, shopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused = await gateway.gql(UPDATE_TIER_PROGRAM, { input: { tiers: [] } }, shopper);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/tiers:manage/);
    expect(await storedProgram(a.id)).toBe(before);
  });

  it('lets a partner change the program only with tiers:manage, and read its settings only with tiers:read', async () => {
    const keyWith = async (scopes: string[]) => {
      const created = await gateway.gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
        { input: { name: `partner ${scopes.join(' ')}`, scopes } },
        b.auth,
      );
      expect(created.errors).toBeUndefined();
      return { authorization: `Bearer ${created.data!.createApiKey.secret}` };
    };
    const [reader, manager] = await Promise.all([keyWith(['points:read']), keyWith(['tiers:read', 'tiers:manage'])]);
    const before = await storedProgram(b.id);

    expect(await tiersAs(reader)).toEqual(expect.any(Array));
    expect((await gateway.gql(TIER_PROGRAM, {}, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.gql(UPDATE_TIER_PROGRAM, { input: { tiers: [tierInput('Nope', 0)] } }, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedProgram(b.id)).toBe(before);

    const saved = await updateTierProgram(gateway, manager, { tiers: [tierInput('Partner tier', 0)] });
    expect(saved).toMatchObject({ __typename: 'TierProgram', tiers: [{ name: 'Partner tier' }] });
    expect((await gateway.gql<{ tierProgram: TierProgramNode }>(TIER_PROGRAM, {}, manager)).data?.tierProgram.tiers.map((t) => t.name)).toEqual(['Partner tier']);
  });

  it("keeps merchants apart: B neither sees A's tiers nor can name them in a change of its own", async () => {
    const aTiers = ((await updateTierProgram(gateway, a.auth, GOLDEN)) as TierProgramNode).tiers;
    const merchant = await createMerchant(gateway);
    const aBefore = await storedProgram(a.id);

    // B's reads show nothing of A's
    expect(await tiersAs(merchant.auth)).toEqual([]);
    expect((await tierProgramOf(gateway, merchant)).tiers).toEqual([]);

    // B naming A's tier is refused as an unknown tier, and writes nothing anywhere
    const refused = await updateTierProgram(gateway, merchant.auth, { tiers: [tierInput('Stolen', 0, { id: aTiers[1].id })] });
    expect(refused).toEqual({ __typename: 'InvalidTierProgramError', code: 'INVALID_SETTINGS', field: 'tiers[0].id', tierIndex: 0, message: expect.stringContaining(aTiers[1].id) });
    expect(await storedRows(merchant.id)).toEqual({ programs: 0, tiers: 0 });
    expect(await storedProgram(a.id)).toBe(aBefore);

    // B's own program is B's alone
    const own = (await updateTierProgram(gateway, merchant.auth, { tiers: [tierInput('B only', 0)] })) as TierProgramNode;
    expect(aTiers.map((t) => t.id)).not.toContain(own.tiers[0].id);
    expect((await tiersAs(a.auth)).map((t) => t.id)).toEqual(aTiers.map((t) => t.id));
    expect(await storedProgram(a.id)).toBe(aBefore);
  });

  describe('refuses a program that breaks a rule with a typed error naming the field, and changes nothing', () => {
    let merchant: TestMerchant;
    let saved: TierProgramNode;
    const three = (change: (tiers: Record<string, unknown>[]) => void) => {
      const tiers = [tierInput('One', 0), tierInput('Two', 100), tierInput('Three', 200)];
      change(tiers);
      return { tiers };
    };

    beforeAll(async () => {
      merchant = await createMerchant(gateway);
      await updateTierProgram(gateway, merchant.auth, GOLDEN);
      saved = await tierProgramOf(gateway, merchant);
    });

    it.each<[string, Record<string, unknown>, string, number | null]>([
      ['thresholds not increasing (equal)', three((t) => (t[2].threshold = 100)), 'tiers[2].threshold', 2],
      ['thresholds not increasing (lower)', three((t) => (t[1].threshold = 0)), 'tiers[1].threshold', 1],
      ['a negative threshold', three((t) => (t[0].threshold = -1)), 'tiers[0].threshold', 0],
      ['11 tiers', { tiers: Array.from({ length: 11 }, (_, i) => tierInput(`T${i}`, i * 10)) }, 'tiers', null],
      ['a multiplier of 0.5', three((t) => (t[1].earnMultiplier = 0.5)), 'tiers[1].earnMultiplier', 1],
      ['a multiplier of 11', three((t) => (t[2].earnMultiplier = 11)), 'tiers[2].earnMultiplier', 2],
      ['a negative multiplier', three((t) => (t[0].earnMultiplier = -1.5)), 'tiers[0].earnMultiplier', 0],
      ['a multiplier with three decimals', three((t) => (t[1].earnMultiplier = 1.255)), 'tiers[1].earnMultiplier', 1],
      ['a name past 40 characters', three((t) => (t[1].names = [{ locale: 'EN', text: 'x'.repeat(41) }])), 'tiers[1].names[0].text', 1],
      ['a blank name', three((t) => (t[2].names = [{ locale: 'FR', text: '   ' }])), 'tiers[2].names[0].text', 2],
      ['no name at all', three((t) => (t[0].names = [])), 'tiers[0].names', 0],
      ['a language twice', three((t) => (t[1].names = [{ locale: 'EN', text: 'A' }, { locale: 'EN', text: 'B' }])), 'tiers[1].names[1].locale', 1],
      ['a perk past 200 characters', three((t) => (t[0].perks = [{ texts: [{ locale: 'EN', text: 'p'.repeat(201) }] }])), 'tiers[0].perks[0].texts[0].text', 0],
      ['a negative entry bonus', three((t) => (t[2].entryBonusPoints = -5)), 'tiers[2].entryBonusPoints', 2],
      ['an unknown tier id', three((t) => (t[0].id = randomUUID())), 'tiers[0].id', 0],
      ['a tier id that is no id', three((t) => (t[1].id = 'not-an-id')), 'tiers[1].id', 1],
      ['a period starting in month 13', { ...three(() => {}), period: 'CALENDAR_YEAR', periodStartMonth: 13 }, 'periodStartMonth', null],
      ['a period starting on 29 February', { ...three(() => {}), period: 'CALENDAR_YEAR', periodStartMonth: 2, periodStartDay: 29 }, 'periodStartDay', null],
      ['a rolling window of 0 months', { ...three(() => {}), period: 'ROLLING_MONTHS', rollingMonths: 0 }, 'rollingMonths', null],
      ['a grace period of 400 days', { ...three(() => {}), graceDays: 400 }, 'graceDays', null],
    ])('%s', async (_, input, field, tierIndex) => {
      const before = await storedProgram(merchant.id);

      const result = await updateTierProgram(gateway, merchant.auth, input);

      expect(result).toEqual({ __typename: 'InvalidTierProgramError', code: 'INVALID_SETTINGS', field, tierIndex, message: expect.stringMatching(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `)) });
      expect(await storedProgram(merchant.id)).toBe(before);
      expect(await tierProgramOf(gateway, merchant)).toEqual(saved);
    });

    it('an unknown language: refused before any resolver runs, naming the field, and nothing changes', async () => {
      const before = await storedProgram(merchant.id);

      const result = await gateway.gql(UPDATE_TIER_PROGRAM, { input: three((t) => (t[1].names = [{ locale: 'DE', text: 'Zwei' }])) }, merchant.auth);

      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain('input.tiers[1].names[0].locale');
      expect(result.errors![0].message).toContain('"DE"');
      expect(await storedProgram(merchant.id)).toBe(before);
      expect(await tierProgramOf(gateway, merchant)).toEqual(saved);
    });

    it('records each refused change for the audit trail as refused', async () => {
      const outcomes = await withOwnerDb('tier', async (db) =>
        (await db.query<{ outcome: string; error_code: string | null }>(
          `select payload->>'outcome' as outcome, payload->>'errorCode' as error_code from outbox_event where merchant_id = $1 and topic = 'audit.mutation_executed' order by id`,
          [merchant.id],
        )).rows,
      );
      expect(outcomes[0]).toEqual({ outcome: 'TierProgram', error_code: null });
      expect(outcomes.slice(1).length).toBeGreaterThanOrEqual(20);
      expect(outcomes.slice(1).every((o) => o.outcome === 'InvalidTierProgramError' && o.error_code === 'INVALID_SETTINGS')).toBe(true);
    });
  });
});
