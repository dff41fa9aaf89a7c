import { DEFAULT_SEGMENTS } from '../../../subgraphs/segment/src/domain/segment-rules.js';
import { withOwnerDb } from './db.js';
import type { TestGateway } from './gateway.js';

export const SEGMENT_FIELDS = 'handle kind position name names { en es fr } recency { min max } frequency { min max } monetary { min max } tierIds pointsMin pointsMax builtin';
export const SETTINGS_FIELDS = 'windowDays scoring thresholds { recencyDays frequencyOrders monetaryMinor } syncMetafield timezone version';

export const SEGMENT_SETTINGS = `query { segmentSettings { ${SETTINGS_FIELDS} } }`;
export const SEGMENTS = `query { segments { ${SEGMENT_FIELDS} members } }`;
export const UPDATE_SEGMENTS = `mutation($input: UpdateSegmentsInput!) {
  updateSegments(input: $input) {
    __typename
    ... on SegmentSetup { settings { ${SETTINGS_FIELDS} } segments { ${SEGMENT_FIELDS} } }
    ... on SegmentsInvalidError { code field message }
  }
}`;

export type SegmentInput = Record<string, unknown> & { handle: string };

/** The eleven defaults as `updateSegments` input, in their order. */
export function defaultSegmentInputs(): SegmentInput[] {
  return DEFAULT_SEGMENTS.map((d) => ({ handle: d.handle, kind: 'RFM', names: { ...d.names }, recency: { ...d.rules.recency }, frequency: { ...d.rules.frequency }, monetary: { ...d.rules.monetary } }));
}

export type UpdateSegmentsResult =
  | { __typename: 'SegmentSetup'; settings: Record<string, unknown> & { version: number }; segments: (Record<string, unknown> & { handle: string })[] }
  | { __typename: 'SegmentsInvalidError'; code: string; field: string; message: string };

export async function updateSegments(gateway: TestGateway, auth: Record<string, string>, input: Record<string, unknown>): Promise<UpdateSegmentsResult> {
  const result = await gateway.gql<{ updateSegments: UpdateSegmentsResult }>(UPDATE_SEGMENTS, { input }, auth);
  if (result.errors?.length || !result.data) throw new Error(`updateSegments failed: ${JSON.stringify(result.errors)}`);
  return result.data.updateSegments;
}

/** A scored customer's row as the recompute writes it. */
export interface ScoredRow {
  customerId: string;
  recency: number | null;
  frequency?: number | null;
  monetary?: number | null;
  segment: string | null;
  since?: Date;
}

export async function writeSegmentCustomers(merchantId: string, rows: ScoredRow[]): Promise<void> {
  await withOwnerDb('segment', async (db) => {
    for (const r of rows) {
      await db.query(
        `insert into segment_customer (merchant_id, customer_id, recency, frequency, monetary, segment, segment_since, scored_at)
         values ($1, $2, $3, $4, $5, $6, $7, now())
         on conflict (merchant_id, customer_id) do update set recency = excluded.recency, frequency = excluded.frequency, monetary = excluded.monetary,
           segment = excluded.segment, segment_since = excluded.segment_since`,
        [merchantId, r.customerId, r.recency, r.segment ? (r.frequency ?? r.recency) : null, r.segment ? (r.monetary ?? r.recency) : null, r.segment, r.segment ? (r.since ?? new Date()) : null],
      );
    }
  });
}
