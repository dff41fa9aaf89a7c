import { Field, ID, InputType } from 'type-graphql';
import { ReferralStatusType } from './referral-enums.type.js';

@InputType('ReferralFilter', { description: 'Narrows the referrals listed; all given conditions must hold.' })
export class ReferralFilter {
  @Field(() => ReferralStatusType, { nullable: true, description: 'Referrals in this status.' })
  status?: ReferralStatusType | null;

  @Field(() => ID, { nullable: true, description: 'Referrals this customer advocated (shared the link or code of).' })
  advocateId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Referrals claimed at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Referrals claimed before this instant.' })
  to?: Date | null;
}
