import { ArrayMaxSize, ArrayMinSize, Length, Matches, ValidateNested } from 'class-validator';
import { Directive, Field, ID, InputType } from 'type-graphql';

/** Shopify's limit for one `metafieldsSet` call. */
export const METAFIELDS_PER_CALL = 25;

const KEY = /^[a-zA-Z0-9_-]{3,64}$/;
const NAMESPACE = /^[a-zA-Z0-9_-]{3,255}$/;
const CUSTOMER_ID = /^[1-9][0-9]{0,18}$/;

/** Internal: one customer's value of the metafield. `@inaccessible` keeps it out of the public API. */
@Directive('@inaccessible')
@InputType('CustomerMetafieldValueInput', { description: "Internal: one customer's value of a text metafield." })
export class CustomerMetafieldValueInput {
  @Field(() => ID, { description: "The customer's numeric Shopify id (not the gid:// form)." })
  @Matches(CUSTOMER_ID, { message: 'customerShopifyId must be a numeric Shopify customer id' })
  customerShopifyId!: string;

  @Field(() => String, { description: 'The text to store (1–255 characters): a single_line_text_field.' })
  @Length(1, 255)
  value!: string;
}

/**
 * Internal: one text metafield written on up to 25 customers in one `metafieldsSet` call (the segment
 * domain's RFM segment sync). `@inaccessible` keeps it out of the public API.
 */
@Directive('@inaccessible')
@InputType('SetCustomerMetafieldsInput', { description: 'Internal: a single_line_text_field metafield to write on up to 25 customers at once.' })
export class SetCustomerMetafieldsInput {
  @Field(() => String, { description: "The metafield's namespace (3–255 letters, digits, - or _), e.g. loyalnest." })
  @Matches(NAMESPACE, { message: 'namespace must be 3–255 letters, digits, - or _' })
  namespace!: string;

  @Field(() => String, { description: "The metafield's key (3–64 letters, digits, - or _), e.g. segment." })
  @Matches(KEY, { message: 'key must be 3–64 letters, digits, - or _' })
  key!: string;

  @Field(() => [CustomerMetafieldValueInput], { description: 'The customers and their values, 1–25, each customer once.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(METAFIELDS_PER_CALL)
  @ValidateNested()
  values!: CustomerMetafieldValueInput[];
}
