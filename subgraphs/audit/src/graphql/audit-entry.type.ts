import { ACTOR_KIND_ENUM, PageInfo } from '@loyalnest/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Also defined by the merchant subgraph; one configuration (the kit's `ACTOR_KIND_ENUM`) keeps them composable. */
export enum ActorKindType {
  ADMIN = 'admin',
  SHOPPER = 'shopper',
  PARTNER = 'partner',
  FLOW = 'flow',
  SYSTEM = 'system',
}
registerEnumType(ActorKindType, ACTOR_KIND_ENUM);

export enum AuditSourceKindType {
  EVENT = 'event',
  MUTATION = 'mutation',
}
registerEnumType(AuditSourceKindType, {
  name: 'AuditSourceKind',
  description: 'What an audit entry records.',
  valuesConfig: {
    EVENT: { description: 'A domain event: a change a subgraph committed.' },
    MUTATION: { description: 'A GraphQL mutation, whatever its outcome (changed something, returned an error, was refused).' },
  },
});

export enum AuditChainBreakReason {
  HASH_MISMATCH = 'hash_mismatch',
  PREV_HASH_MISMATCH = 'prev_hash_mismatch',
  SEQUENCE_GAP = 'sequence_gap',
}
registerEnumType(AuditChainBreakReason, {
  name: 'AuditChainBreakReason',
  description: 'Why a link of the audit hash chain does not hold.',
  valuesConfig: {
    HASH_MISMATCH: { description: "The entry's fields no longer hash to its stored hash: the entry was changed." },
    PREV_HASH_MISMATCH: { description: "The entry's previous hash is not the stored hash of the entry before it." },
    SEQUENCE_GAP: { description: 'The entry does not follow the one before it: entries are missing (deleted).' },
  },
});

@ObjectType('AuditActor', { description: 'Who caused an audited action.' })
export class AuditActorType {
  @Field(() => ActorKindType, { description: 'Kind of caller: merchant admin, shopper, partner key, Flow or system.' })
  kind!: ActorKindType;

  @Field(() => ID, { description: 'Id of the caller within its kind (Shopify user id, API key id, customer id, ...); `unknown` if not recorded.' })
  id!: string;
}

@ObjectType('AuditSource', { description: 'What an audit entry was made from.' })
export class AuditSourceType {
  @Field(() => AuditSourceKindType, { description: 'A domain event or a mutation.' })
  kind!: AuditSourceKindType;

  @Field(() => String, { description: 'The event topic, e.g. `customer.updated`; `audit.mutation_executed` for a mutation.' })
  topic!: string;

  @Field(() => ID, { description: 'Id of the event the entry was made from; one entry per event.' })
  eventId!: string;
}

@ObjectType('AuditEntry', { description: "One line of the merchant's append-only, hash-chained audit trail." })
export class AuditEntryType {
  @Field(() => ID, { description: 'Stable id of the entry.' })
  id!: string;

  @Field(() => Int, { description: "Position in the merchant's chain: 1, 2, 3… without gaps." })
  sequence!: number;

  @Field(() => AuditActorType, { description: 'Who caused it.' })
  actor!: AuditActorType;

  @Field(() => String, { description: 'Kind of thing acted on, e.g. `Customer`, `Merchant`, `ApiKey`; `Mutation` for a mutation.' })
  entityType!: string;

  @Field(() => String, { nullable: true, description: "Id of the thing acted on; a mutation's name for a mutation; null when the event names none." })
  entityId!: string | null;

  @Field(() => String, { description: 'What happened to it, e.g. `created`, `updated`, `settings_updated`; `executed` for a mutation.' })
  action!: string;

  @Field(() => GraphQLJSONObject, {
    description:
      "What changed, by id and field name only, never personal data: e.g. `{ fields: [\"email\"] }`. For a mutation: `subgraph`, `outcome` (the result's type or the error code), `errorCode`, `ok` and `arguments` (names only).",
  })
  summary!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "Id the gateway gave the request that caused it (a UUID, also in the response's `X-Request-Id` header); never chosen by the client." })
  requestId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The client's own id for that request: its `X-Request-Id` header, when it was 1 to 128 characters of `A-Z a-z 0-9 . _ : -` (anything else is dropped).",
  })
  correlationId!: string | null;

  @Field(() => Date, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field(() => Date, { description: 'When the audit trail recorded it.' })
  recordedAt!: Date;

  @Field(() => AuditSourceType, { description: 'What the entry was made from.' })
  source!: AuditSourceType;

  @Field(() => String, { description: "Hash of the previous entry (64 zeros for the first): the chain's link." })
  prevHash!: string;

  @Field(() => String, { description: "sha256 of `prevHash` and the entry's canonically serialized fields, hex." })
  hash!: string;
}

@ObjectType('AuditEntryConnection', { description: 'A page of audit entries, newest first.' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryType], { description: 'The entries on this page.' })
  nodes!: AuditEntryType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

@ObjectType('AuditChainBreak', { description: 'The first link of the audit hash chain that does not hold.' })
export class AuditChainBreakType {
  @Field(() => Int, { description: 'Sequence of the entry where the chain breaks.' })
  sequence!: number;

  @Field(() => ID, { description: 'Id of that entry.' })
  entryId!: string;

  @Field(() => AuditChainBreakReason, { description: 'Why the link does not hold.' })
  reason!: AuditChainBreakReason;

  @Field(() => Int, { description: 'The sequence the chain expected there; on a gap, the first missing one.' })
  expectedSequence!: number;
}

@ObjectType('AuditChainVerification', { description: "The result of walking the merchant's audit hash chain from its first entry." })
export class AuditChainVerificationType {
  @Field(() => Boolean, { description: 'Whether every link holds.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Entries checked, up to and including a broken one.' })
  entriesChecked!: number;

  @Field(() => AuditChainBreakType, { nullable: true, description: 'The first broken link; null when the chain holds.' })
  firstBreak!: AuditChainBreakType | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Sequence of the last entry when the chain holds. Keep it with `headHash` elsewhere to detect a later removal of the newest entries, which no chain can show by itself.',
  })
  headSequence!: number | null;

  @Field(() => String, { nullable: true, description: 'Hash of the last entry when the chain holds.' })
  headHash!: string | null;
}
