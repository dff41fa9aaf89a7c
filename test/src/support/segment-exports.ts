import { expect } from '@jest/globals';
import { EXPORT_COLUMNS } from '../../../subgraphs/segment/src/domain/segment-export-csv.js';
import { withOwnerDb } from './db.js';
import type { TestMerchant } from './tenants.js';

export const EXPORT_SEGMENT = /* GraphQL */ `mutation($handle: String!) {
  exportSegment(handle: $handle) {
    __typename
    ... on SegmentExport { id handle status progress rows processed downloadUrl expiresAt }
    ... on SegmentNotFoundError { code message field handle }
    ... on SegmentExportLimitReachedError { code message limit }
  }
}`;
export const SEGMENT_EXPORT = /* GraphQL */ `query($id: ID!) { segmentExport(id: $id) { id handle status progress rows processed downloadUrl createdAt finishedAt expiresAt error } }`;
export const SEGMENTS = /* GraphQL */ `query { segments { handle } }`;

export interface ExportNode {
  id: string;
  handle: string;
  status: string;
  progress: number;
  rows: number;
  processed: number;
  downloadUrl: string | null;
  expiresAt: string;
  error?: string | null;
}

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const lines: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      lines.push(cells);
      cells = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(cells).toEqual([]);
  return lines;
}

/** The file's lines by customer id, each as `{ column: value }`. */
export function linesById(text: string): Map<string, Record<string, string>> {
  const [header, ...lines] = parseCsv(text);
  expect(header).toEqual([...EXPORT_COLUMNS]);
  const byId = new Map<string, Record<string, string>>();
  for (const line of lines) {
    expect(line).toHaveLength(EXPORT_COLUMNS.length);
    const record = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, line[i]]));
    expect(byId.has(record.customer_id)).toBe(false);
    byId.set(record.customer_id, record);
  }
  return byId;
}

export async function scored(merchant: TestMerchant, customerId: string, segment: string, scores: [number, number, number], since = new Date('2026-11-01T10:00:00Z')): Promise<void> {
  await withOwnerDb('segment', (db) =>
    db.query(
      `insert into segment_customer (merchant_id, customer_id, recency, frequency, monetary, segment, segment_since, scored_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [merchant.id, customerId, ...scores, segment, since],
    ),
  );
}

export async function customSegment(merchant: TestMerchant, handle: string, members: { customerId: string; since: Date }[]): Promise<void> {
  await withOwnerDb('segment', async (db) => {
    await db.query(
      `insert into segment_definition (merchant_id, handle, kind, position, names, builtin, created_at, updated_at)
       values ($1, $2, 'custom', 1, $3, false, now(), now())`,
      [merchant.id, handle, JSON.stringify({ en: 'VIP', es: 'VIP', fr: 'VIP' })],
    );
    for (const m of members) await db.query('insert into segment_member (merchant_id, handle, customer_id, since) values ($1, $2, $3, $4)', [merchant.id, handle, m.customerId, m.since]);
  });
}

export async function exportRows(merchantId: string): Promise<{ table: string; n: number }[]> {
  return withOwnerDb('segment', async (db) => {
    const counts: { table: string; n: number }[] = [];
    for (const table of ['segment_export', 'segment_export_row', 'segment_export_chunk']) {
      counts.push({ table, n: (await db.query<{ n: number }>(`select count(*)::int as n from ${table} where merchant_id = $1`, [merchantId])).rows[0].n });
    }
    return counts;
  });
}
