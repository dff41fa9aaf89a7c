import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(32).toString('base64');

/** Every variable production requires; the suite's database role keeps its development password. */
export const REQUIRED_OUTSIDE_DEVELOPMENT = [
  'DATABASE_APP_PASSWORD',
  'INTERNAL_TOKEN_SECRET',
  'ENCRYPTION_KEYS',
  'BLIND_INDEX_KEY',
  'SHOPIFY_API_KEY',
  'SHOPIFY_API_SECRET',
  'APP_URL',
  'SHOPPER_TOKEN_SECRET',
] as const;

/**
 * A complete production configuration with fresh secrets, for `startTestGateway`: the suite runs
 * with LOYALNEST_DEV=1, which this turns off again.
 */
export function productionEnv(): Record<string, string> {
  return {
    LOYALNEST_DEV: '0',
    DATABASE_APP_PASSWORD: 'loyalnest_app_dev',
    INTERNAL_TOKEN_SECRET: secret(),
    ENCRYPTION_KEYS: `prod1:${secret()}`,
    BLIND_INDEX_KEY: secret(),
    SHOPIFY_API_KEY: `prod-key-${randomBytes(4).toString('hex')}`,
    SHOPIFY_API_SECRET: secret(),
    APP_URL: 'https://loyalnest.example',
    SHOPPER_TOKEN_SECRET: secret(),
  };
}
