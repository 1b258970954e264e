import type { IncomingMessage } from "node:http";

/** Appends the address the request came from (the socket's peer) to X-Forwarded-For. */
export function appendPeerAddress(req: IncomingMessage): void;

/** One line naming DATABASE_URL when the database it names cannot be used; null when it answers. */
export function databaseProblem(url?: string): Promise<string | null>;
