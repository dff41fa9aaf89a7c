// Tests use their own databases (loyalnest_test_*) so they never touch the demo data of `npm start`.
process.env.DATABASE_PREFIX ??= 'loyalnest_test';
// The suite runs in development (demo secrets, dev tokens), explicitly: NODE_ENV decides nothing.
process.env.LOYALNEST_DEV = '1';
// but checks the error responses production gives: no stack traces.
process.env.ERROR_STACK_TRACES = '0';
process.env.APOLLO_TELEMETRY_DISABLED = '1';
