/** `{a,b}`: a PostgreSQL array literal of UUIDs for a `?::uuid[]` parameter (the driver would spread a JS array into a list); callers pass checked UUIDs only. */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;
