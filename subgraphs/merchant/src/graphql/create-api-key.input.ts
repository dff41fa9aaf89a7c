import { ArrayMinSize, ArrayUnique, IsIn, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Scopes a partner key may hold. Managing keys is not among them: only an admin can. */
export const PARTNER_SCOPES = ['merchant:read', 'customers:read', 'customers:write', 'points:read', 'points:write'] as const;

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
}
