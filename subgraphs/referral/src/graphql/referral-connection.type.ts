import { PageInfo } from '@loyalnest/kit';
import { Field, ObjectType } from 'type-graphql';
import { ReferralType } from './referral.type.js';

@ObjectType('ReferralConnection', { description: 'A page of referrals, the most recently claimed first.' })
export class ReferralConnection {
  @Field(() => [ReferralType], { description: 'The referrals on this page.' })
  nodes!: ReferralType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
