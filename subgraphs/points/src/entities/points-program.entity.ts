import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import type { EarningRules } from '../services/earning-rules.js';

/** A merchant's earning rules, validated as a whole on every write; a merchant without a row has the defaults. */
export const PointsProgramEntity = defineEntity({
  name: 'PointsProgram',
  tableName: 'points_program',
  properties: {
    merchantId: p.uuid().primary(),
    rules: p.json<EarningRules>(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('points_program'),
});

export type PointsProgram = InferEntity<typeof PointsProgramEntity>;
