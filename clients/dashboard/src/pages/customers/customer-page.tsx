import { Page } from '@shopify/polaris';

/** Placeholder while this page is being built (issue 16). */
export default function Placeholder() {
  return <Page title="customer-page" />;
}
