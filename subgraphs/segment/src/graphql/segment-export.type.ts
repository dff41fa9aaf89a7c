import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SegmentExportStatusType {
  QUEUED = 'queued',
  RUNNING = 'running',
  READY = 'ready',
  FAILED = 'failed',
  EXPIRED = 'expired',
}
registerEnumType(SegmentExportStatusType, {
  name: 'SegmentExportStatus',
  description: 'Where a member export stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for the export job, which takes it within seconds.' },
    RUNNING: { description: "The job is writing the members' lines, in batches; `progress` says how far." },
    READY: { description: 'The file is complete and can be downloaded from `downloadUrl` until `expiresAt`.' },
    FAILED: { description: 'The job failed on it several times in a row (`error` says why); nothing can be downloaded. Export again.' },
    EXPIRED: { description: 'Its time was up, or a customer in it was erased (GDPR): the file is deleted. Export again.' },
  },
});

@ObjectType('SegmentExport', { description: "A CSV file of a segment's members (customer id, Shopify id, email, names, RFM scores, RFM segment, since), made in the background." })
export class SegmentExportType {
  @Field(() => ID, { description: "The export's id, for `segmentExport(id)`." })
  id!: string;

  @Field(() => String, { description: 'The handle of the segment exported.' })
  handle!: string;

  @Field(() => SegmentExportStatusType, { description: 'Queued, running, ready, failed or expired.' })
  status!: SegmentExportStatusType;

  @Field(() => Int, { description: 'How far the file is written, 0–100; 100 once ready.' })
  progress!: number;

  @Field(() => Int, { description: 'Members in the file: those of the segment when the job started on it (0 while queued).' })
  rows!: number;

  @Field(() => Int, { description: 'Members written so far.' })
  processed!: number;

  @Field(() => String, {
    nullable: true,
    description: "Once ready: a link that downloads the file, signed for this merchant and export, good for 15 minutes (and never past `expiresAt`); read the export again for a fresh one. Null otherwise.",
  })
  downloadUrl!: string | null;

  @Field(() => Date, { description: 'When it was asked for.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it became ready or failed; null before.' })
  finishedAt!: Date | null;

  @Field(() => Date, { description: 'When the file is deleted: `SEGMENT_EXPORT_LIFETIME_HOURS` (24 by default) after it became ready. Until then, when an unfinished export is given up (the same lifetime from when it was asked for).' })
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why it failed; null unless FAILED.' })
  error!: string | null;
}
