import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MerchantStatus } from './merchant.type.js';

/**
 * Internal: who a shop domain or API key belongs to. Asked only by the gateway while it
 * authenticates a caller; `@inaccessible` keeps it out of the public API schema.
 */
@Directive('@inaccessible')
@ObjectType('CallerIdentity', { description: 'Internal: the merchant (and key) behind a credential.' })
export class CallerIdentityType {
  @Field(() => ID, { description: 'The merchant the credential belongs to.' })
  merchantId!: string;

  @Field(() => MerchantStatus, { description: 'Whether that merchant has the app installed.' })
  status!: MerchantStatus;

  @Field(() => ID, { nullable: true, description: 'The API key, when the credential is one.' })
  apiKeyId!: string | null;

  @Field(() => [String], { description: 'Scopes the credential grants (empty for a shop: admins get all).' })
  scopes!: string[];

  @Field(() => Date, { nullable: true, description: 'When the credential expires (API keys with an expiry); null otherwise.' })
  expiresAt!: Date | null;
}
