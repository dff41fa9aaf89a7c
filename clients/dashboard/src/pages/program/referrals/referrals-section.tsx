import { Text } from '@shopify/polaris';

/** Placeholder while this section is being built (issue 16). */
export default function Placeholder() {
  return <Text as="p">referrals</Text>;
}
