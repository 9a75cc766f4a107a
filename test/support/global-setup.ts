// Replaced by the PostgreSQL test harness.
export default async function setup() {}
