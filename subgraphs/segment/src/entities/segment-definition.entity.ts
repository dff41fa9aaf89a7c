import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { SEGMENT_KINDS, type SegmentNames } from '../domain/segment-rules.js';

/**
 * One of a merchant's named segments. RFM segments (`kind` rfm) are tried in `position` order and
 * a scored customer belongs to the first that matches; custom segments are independent and may
 * overlap. Score bounds are inclusive, 1–5. `builtin` marks the defaults (their handles stay).
 */
export const SegmentDefinitionEntity = defineEntity({
  name: 'SegmentDefinition',
  tableName: 'segment_definition',
  properties: {
    merchantId: p.uuid().primary(),
    handle: p.string().length(64).primary(),
    kind: p.enum(SEGMENT_KINDS),
    position: p.integer(),
    names: p.json<SegmentNames>(),
    recencyMin: p.smallint().default(1),
    recencyMax: p.smallint().default(5),
    frequencyMin: p.smallint().default(1),
    frequencyMax: p.smallint().default(5),
    monetaryMin: p.smallint().default(1),
    monetaryMax: p.smallint().default(5),
    tierIds: p.array().nullable(),
    pointsMin: p.integer().nullable(),
    pointsMax: p.integer().nullable(),
    builtin: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('segment_definition'),
});

export type SegmentDefinition = InferEntity<typeof SegmentDefinitionEntity>;
