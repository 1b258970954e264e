import type { IncomingMessage } from "node:http";

/** Appends the address the request came from (the socket's peer) to X-Forwarded-For. */
export function appendPeerAddress(req: IncomingMessage): void;
