import { notFound } from "next/navigation";
import { env } from "@/server/env";

/**
 * Test only: a page that fails, for the browser test of the error page and
 * the server log (APP_ENV=test). Everywhere else it does not exist.
 */
export default async function TestError() {
  if (env.APP_ENV !== "test") notFound();
  throw new Error("Deliberate failure for the error-page test (reported by qa.person@example.com)");
}
