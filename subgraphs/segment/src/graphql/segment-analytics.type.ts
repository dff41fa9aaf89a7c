import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SegmentDayCount', { description: "A segment's members at the end of one shop-local day (the day's last run)." })
export class SegmentDayCountType {
  @Field(() => String, { description: 'The day in the shop\'s time zone, `YYYY-MM-DD`.' })
  day!: string;

  @Field(() => String, { description: "The segment's handle." })
  handle!: string;

  @Field(() => Int, { description: 'Its members after that day\'s last run.' })
  members!: number;
}

@ObjectType('SegmentMovement', { description: 'One cell of the movement matrix: how many customers were in one RFM segment at `from` and in another (or the same) at `to`.' })
export class SegmentMovementType {
  @Field(() => String, { nullable: true, description: 'The RFM segment (handle) at the start; null: none (not yet scored).' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'The RFM segment (handle) at the end; null: none (left every segment).' })
  to!: string | null;

  @Field(() => Int, { description: 'Customers who made that move (or stayed, when `from` equals `to`).' })
  customers!: number;
}
