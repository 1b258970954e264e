// Merges the customer search index into one segment (docs/decisions/0003-customer-search.md).
// Run it from a nightly job on a large directory:  npm run search:optimize
import { optimizeIndex } from "@/server/sql/customer-search";
import { db } from "@/server/db";

const started = Date.now();
const { before, after } = await optimizeIndex();
console.log(`Customer search index: ${before} segment(s) -> ${after} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await db.$disconnect();
