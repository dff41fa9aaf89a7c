import { ArrayMaxSize, IsEmail, IsOptional, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsShopifyId } from '@loyalnest/kit';

/** Profile fields shared by the create and update inputs; validated the same way in both. */
@InputType()
abstract class CustomerProfileInput {
  @Field(() => String, { nullable: true, description: 'Email address.' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'First name, at most 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Last name, at most 100 characters.' })
  @IsOptional()
  @MaxLength(100)
  lastName?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags (at most 250 of at most 255 characters), replacing the current ones.' })
  @IsOptional()
  @ArrayMaxSize(250)
  @MaxLength(255, { each: true, message: 'each tag must be at most 255 characters' })
  tags?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Marketing consent.' })
  acceptsMarketing?: boolean;
}

@InputType('UpsertCustomerInput', { description: 'A customer as Shopify knows it; matched on its Shopify id.' })
export class UpsertCustomerInput extends CustomerProfileInput {
  @Field(() => ID, { description: "Shopify's numeric customer id." })
  @IsShopifyId()
  shopifyId!: string;
}

@InputType('UpdateCustomerInput', { description: 'Changes to a customer; omitted fields keep their value.' })
export class UpdateCustomerInput extends CustomerProfileInput {
  @Field(() => ID, { description: 'LoyalNest id of the customer.' })
  id!: string;
}

@InputType('CustomerFilter', { description: 'Narrows a customer list; all given conditions must hold.' })
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Exact email address (case-insensitive).' })
  @IsOptional()
  @MaxLength(254)
  email?: string;

  @Field(() => String, { nullable: true, description: 'Customers carrying this tag.' })
  @IsOptional()
  @MaxLength(255)
  tag?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only customers with (or without) marketing consent.' })
  acceptsMarketing?: boolean;

  @Field(() => Int, { nullable: true, description: 'Only customers with at least this many orders.' })
  @IsOptional()
  @Min(0)
  minOrdersCount?: number;
}
