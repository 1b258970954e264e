import { z } from "zod";

// Runs in the browser before the app. zod probes for eval (`Function("")`) to compile
// fast parsers; under our CSP (no 'unsafe-eval') that probe is a reported violation.
z.config({ jitless: true });
