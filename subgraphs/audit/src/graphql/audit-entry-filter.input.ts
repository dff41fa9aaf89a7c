import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ActorKindType } from './audit-entry.type.js';

@InputType('AuditEntryFilter', { description: 'Narrows the audit trail; all given conditions must hold.' })
export class AuditEntryFilter {
  @Field(() => String, { nullable: true, description: 'Entries about this kind of thing, e.g. `Customer` or `Mutation`.' })
  @IsOptional()
  @MaxLength(100)
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries about the thing with this id (or the mutation with this name).' })
  @IsOptional()
  @MaxLength(255)
  entityId?: string | null;

  @Field(() => ActorKindType, { nullable: true, description: 'Entries caused by this kind of caller.' })
  actorKind?: ActorKindType | null;

  @Field(() => String, { nullable: true, description: 'Entries caused by the caller with this id.' })
  @IsOptional()
  @MaxLength(255)
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries of this action, e.g. `updated` or `executed`.' })
  @IsOptional()
  @MaxLength(100)
  action?: string | null;

  @Field(() => Date, { nullable: true, description: 'Entries that occurred at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries that occurred before this instant.' })
  to?: Date | null;
}
