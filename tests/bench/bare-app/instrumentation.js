// The bare page's own (empty) start-up hook: without it Next.js picks up the app's
// src/instrumentation.ts through the shared Turbopack root, and the "bare" page
// would start the app's logging and background duties.
export function register() {}
