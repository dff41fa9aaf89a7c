import { PageInfo } from '@loyalnest/kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { CustomerRef } from './customer-ref.type.js';

@ObjectType('SegmentMember', { description: 'A customer in a segment.' })
export class SegmentMemberType {
  @Field(() => CustomerRef, { description: 'The customer (email and name come from the customer domain).' })
  customer!: CustomerRef;

  @Field(() => Int, { nullable: true, description: "The customer's recency score, 1–5; null for a custom segment's member no run has scored." })
  recency!: number | null;

  @Field(() => Int, { nullable: true, description: "The customer's frequency score, 1–5; null when not scored." })
  frequency!: number | null;

  @Field(() => Int, { nullable: true, description: "The customer's monetary score, 1–5; null when not scored." })
  monetary!: number | null;

  @Field(() => Date, { nullable: true, description: 'Since when the customer is in the segment (the run that scored them, when it recorded no start).' })
  since!: Date | null;
}

@ObjectType('SegmentMemberConnection', { description: "A page of a segment's members, in a stable order (by customer id)." })
export class SegmentMemberConnection {
  @Field(() => [SegmentMemberType], { description: 'The members on this page.' })
  nodes!: SegmentMemberType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
