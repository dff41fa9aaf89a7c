import { Frame, Loading, Navigation, Page, Text } from '@shopify/polaris';
import { HomeIcon, PersonIcon, SettingsIcon, StarIcon } from '@shopify/polaris-icons';
import { Suspense, useState, type ReactNode } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { appMessages } from './app.messages.js';
import { useMessages } from './i18n/i18n.js';
import { NAV_ITEMS, ROUTES } from './routes.js';

const ICONS = { overview: HomeIcon, customers: PersonIcon, program: StarIcon, operations: SettingsIcon } as const;

/**
 * The frame around every page. Inside Shopify admin the app's menu is admin's own (App Bridge's
 * `ui-nav-menu`), as Shopify asks of embedded apps; outside it, a Polaris sidebar.
 */
export function AppFrame({ embedded, notice }: { embedded: boolean; notice: ReactNode }) {
  const t = useMessages(appMessages);
  const [location] = useLocation();
  const [mobileNavOpen, setMobileNavOpen] = useState(false);
  const selected = (url: string) => (url === '/' ? location === '/' : location === url || location.startsWith(`${url}/`));

  const navigation = embedded ? undefined : (
    <Navigation location={location}>
      <Navigation.Section
        items={NAV_ITEMS.map((item) => ({
          url: item.url,
          label: t[item.key],
          icon: ICONS[item.key],
          selected: selected(item.url),
          onClick: () => setMobileNavOpen(false),
        }))}
      />
    </Navigation>
  );
  return (
    <Frame navigation={navigation} showMobileNavigation={mobileNavOpen} onNavigationDismiss={() => setMobileNavOpen(false)}>
      {embedded && (
        // App Bridge answers a click in admin's menu by clicking the matching link in here: router
        // links, so the page changes without reloading the app (a plain <a> would reload it, and
        // the unsaved-changes guard, which listens for link clicks, could not ask first).
        <ui-nav-menu>
          {NAV_ITEMS.map((item) => (
            <Link key={item.key} href={item.url} rel={item.url === '/' ? 'home' : undefined}>
              {t[item.key]}
            </Link>
          ))}
        </ui-nav-menu>
      )}
      {notice && <div style={{ padding: 'var(--p-space-400) var(--p-space-400) 0' }}>{notice}</div>}
      <Suspense fallback={<Loading />}>
        <Switch>
          {ROUTES.map((route) => (
            <Route key={route.path} path={route.path} component={route.page} />
          ))}
          <Route>
            <Page title={t.notFound}>
              <Text as="p">{t.notFound}</Text>
            </Page>
          </Route>
        </Switch>
      </Suspense>
    </Frame>
  );
}
