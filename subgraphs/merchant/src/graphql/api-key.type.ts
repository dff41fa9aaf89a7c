import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ApiKey', { description: 'A partner API key. Its secret is shown once, at creation, and never again.' })
export class ApiKeyType {
  @Field(() => ID, { description: 'Id of the key.' })
  id!: string;

  @Field(() => String, { description: 'Name the merchant gave the key.' })
  name!: string;

  @Field(() => String, { description: 'First characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field(() => [String], { description: 'What the key may do, e.g. "customers:read".' })
  scopes!: string[];

  @Field(() => Date, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; a revoked key is refused at once.' })
  revokedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the key expires: from then on it is refused like a revoked key, and sockets opened with it close. Null: valid until revoked.',
  })
  expiresAt!: Date | null;
}

@ObjectType('ApiKeyCreated', { description: 'A new API key with its secret. Store the secret now: it cannot be shown again.' })
export class ApiKeyCreatedType {
  @Field(() => ApiKeyType, { description: 'The key.' })
  apiKey!: ApiKeyType;

  @Field(() => String, { description: 'The secret to send as `Authorization: Bearer <secret>`.' })
  secret!: string;
}
