import { config } from "zod/v4/core";

// Runs in the browser before the app. zod probes for eval (`Function("")`) to compile
// fast parsers; under our CSP (no 'unsafe-eval') that probe is a reported violation.
// Only zod's config is imported here (a few hundred bytes): importing "zod" itself
// put the whole library into every page's first-load JS.
config({ jitless: true });
