// Tests use their own databases (loyalnest_test_*) so they never touch the demo data of `npm start`.
process.env.DATABASE_PREFIX ??= 'loyalnest_test';
// The suite runs in development (demo secrets, dev tokens), explicitly: NODE_ENV decides nothing.
process.env.LOYALNEST_DEV = '1';
// but checks the error responses production gives: no stack traces.
process.env.ERROR_STACK_TRACES = '0';
process.env.APOLLO_TELEMETRY_DISABLED = '1';
// Tests poll (`eventually`, every 25 ms) with admin and shopper queries far faster than any person
// would, and on a quick machine that empties a realistic bucket. Admin and shopper buckets are
// therefore out of the way unless a test sets them; rate-limits.test.ts sets the ones it proves.
for (const who of ['ADMIN', 'SHOPPER']) {
  process.env[`RATE_LIMIT_${who}_SIZE`] ??= '1000000000';
  process.env[`RATE_LIMIT_${who}_RESTORE`] ??= '1000000000';
}
