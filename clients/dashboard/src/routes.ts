import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type NavKey = 'overview' | 'customers' | 'program' | 'operations';

export interface DashboardRoute {
  /** The wouter pattern, under the app's base (/app). */
  path: string;
  /** The navigation item it belongs to, by its label's key; null for pages reached from another. */
  nav: NavKey | null;
  /** Each page is its own chunk: the first screen loads only the frame and the page it shows. */
  page: LazyExoticComponent<ComponentType>;
}

const overview = lazy(() => import('./pages/overview/overview-page.js'));
const customers = lazy(() => import('./pages/customers/customers-page.js'));
const customer = lazy(() => import('./pages/customers/customer-page.js'));
const program = lazy(() => import('./pages/program/program-page.js'));
const operations = lazy(() => import('./pages/operations/operations-page.js'));

export const ROUTES: DashboardRoute[] = [
  { path: '/', nav: 'overview', page: overview },
  { path: '/customers', nav: 'customers', page: customers },
  { path: '/customers/:id', nav: null, page: customer },
  { path: '/program/:section?', nav: 'program', page: program },
  { path: '/operations/:section?', nav: 'operations', page: operations },
];

/** Navigation items, in the order the sidebar (or Shopify admin's app menu) lists them. */
export const NAV_ITEMS: { key: NavKey; url: string }[] = [
  { key: 'overview', url: '/' },
  { key: 'customers', url: '/customers' },
  { key: 'program', url: '/program' },
  { key: 'operations', url: '/operations' },
];
