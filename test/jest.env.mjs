// Tests use their own databases (loyalnest_test_*) so they never touch the demo data of `npm start`.
process.env.DATABASE_PREFIX ??= 'loyalnest_test';
process.env.NODE_ENV = 'test';
process.env.APOLLO_TELEMETRY_DISABLED = '1';
