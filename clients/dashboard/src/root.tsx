import { AppProvider, Banner, BlockStack, Frame, Loading, Page, SkeletonPage, Text } from '@shopify/polaris';
import type { LinkLikeComponentProps } from '@shopify/polaris/build/ts/src/utilities/link';
import enTranslations from '@shopify/polaris/locales/en.json';
import { useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { Link, Router } from 'wouter';
import { AppFrame } from './app-frame.js';
import { appMessages } from './app.messages.js';
import { useDashboardShellQuery } from './generated/graphql.js';
import { messageOf } from './forms/field-errors.js';
import { createDashboardClient } from './graphql/client.js';
import { format, I18nProvider, localeOf, type Locale } from './i18n/i18n.js';
import type { Session } from './session/session.js';

type PolarisTranslations = typeof enTranslations;

/** Polaris's own strings (pagination, close buttons…): English ships with the app, the others load on demand. */
async function polarisTranslations(locale: Locale): Promise<PolarisTranslations> {
  if (locale === 'es') return (await import('@shopify/polaris/locales/es.json')).default as PolarisTranslations;
  if (locale === 'fr') return (await import('@shopify/polaris/locales/fr.json')).default as PolarisTranslations;
  return enTranslations;
}

/** Polaris renders its links through this, so that in-app links move the router instead of reloading. */
function PolarisLink({ url, external, children, ...rest }: LinkLikeComponentProps) {
  if (external || /^[a-z]+:/i.test(url)) {
    return (
      <a href={url} target="_blank" rel="noopener noreferrer" {...rest}>
        {children}
      </a>
    );
  }
  return (
    <Link href={url} {...rest}>
      {children}
    </Link>
  );
}

const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export function Root({ session }: { session: Session }) {
  const { client } = useMemo(() => createDashboardClient(session), [session]);
  return (
    <Provider value={client}>
      <Router base={BASE}>
        <Shell session={session} />
      </Router>
    </Provider>
  );
}

/** Loads the shop once, then sets the language, currency and time zone every page formats with. */
function Shell({ session }: { session: Session }) {
  const [{ data, error, fetching }, reload] = useDashboardShellQuery({ requestPolicy: 'network-only' });
  const locale = localeOf(data?.merchant.primaryLocale);
  const [translations, setTranslations] = useState<PolarisTranslations | null>(null);
  useEffect(() => {
    document.documentElement.lang = locale;
    let current = true;
    void polarisTranslations(locale).then((loaded) => current && setTranslations(loaded));
    return () => {
      current = false;
    };
  }, [locale]);
  const t = appMessages[locale];

  if (!data || !translations) {
    return (
      <AppProvider i18n={translations ?? enTranslations} linkComponent={PolarisLink}>
        {error && !fetching ? (
          <Page title="LoyalNest">
            <Banner tone="critical" title={t.loadFailed} action={{ content: t.retry, onAction: () => reload({ requestPolicy: 'network-only' }) }}>
              <Text as="p">{messageOf(error)}</Text>
            </Banner>
          </Page>
        ) : (
          <Frame>
            <Loading />
            <SkeletonPage title={t.loading} />
          </Frame>
        )}
      </AppProvider>
    );
  }
  const { merchant } = data;
  return (
    <AppProvider i18n={translations} linkComponent={PolarisLink}>
      <I18nProvider locale={locale} currency={merchant.currency} timeZone={merchant.timezone}>
        <AppFrame
          embedded={session.kind === 'shopify'}
          notice={
            session.kind === 'development' ? (
              <Banner tone="warning" title={t.devBannerTitle}>
                <BlockStack>
                  <Text as="p">{format(t.devBanner, { shop: merchant.shopDomain })}</Text>
                </BlockStack>
              </Banner>
            ) : null
          }
        />
      </I18nProvider>
    </AppProvider>
  );
}

