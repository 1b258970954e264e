import path from "node:path";

// Built by `npm run bench:pages` with the app's own node_modules (two folders up).
const config = {
  poweredByHeader: false,
  turbopack: { root: path.resolve(import.meta.dirname, "../../..") },
};

export default config;
