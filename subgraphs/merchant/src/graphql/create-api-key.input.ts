import { ArrayMinSize, ArrayUnique, IsIn, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Scopes a partner key may hold. Managing keys is not among them: only an admin can. */
export const PARTNER_SCOPES = ['merchant:read', 'customers:read', 'customers:write', 'points:read', 'points:write', 'tiers:read', 'tiers:manage', 'referrals:read', 'referrals:manage', 'segments:read', 'segments:manage', 'webhooks:manage'] as const;

/** The longest lifetime a key with an expiry may be given; a key without one lives until revoked. */
export const API_KEY_MAX_LIFETIME_DAYS = 365;

@InputType('CreateApiKeyInput', { description: 'A new partner API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'A name to recognise the key by (1–100 characters).' })
  @Length(1, 100)
  name!: string;

  @Field(() => [String], { description: `Scopes to grant; any of: ${PARTNER_SCOPES.join(', ')}.` })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PARTNER_SCOPES, { each: true, message: `each scope must be one of: ${PARTNER_SCOPES.join(', ')}` })
  scopes!: string[];

  @Field(() => Date, {
    nullable: true,
    description: `When the key stops working: in the future, at most ${API_KEY_MAX_LIFETIME_DAYS} days from now. Null: valid until revoked.`,
  })
  @IsOptional()
  expiresAt?: Date | null;
}
