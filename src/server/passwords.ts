import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { log } from "./log";

/** bcrypt's cost for every stored password (sign-up, invitations, colleagues, staff, resets). */
export const BCRYPT_ROUNDS = 10;

/**
 * bcrypt in JavaScript costs ~70 ms of CPU per password at cost 10; bcryptjs's
 * async API still runs it on the main thread (in slices), so five concurrent
 * sign-ins stalled every other request of the instance for the better part of
 * a second. Hashing runs in a small pool of worker threads instead
 * (docs/decisions/0014): the event loop only posts a message and waits.
 *
 * The worker is plain CommonJS evaluated from a string: the bundler never
 * sees a separate entry file, and `require` resolves bcryptjs from the app's
 * node_modules (the working directory of `next start`, scripts and tests).
 */
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
parentPort.on("message", ({ id, op, password, arg }) => {
  try {
    const result = op === "hash" ? bcrypt.hashSync(password, arg) : bcrypt.compareSync(password, arg);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/** Threads in the pool: one per core, at most 4 (hashing is pure CPU; more threads than cores only queue). */
export const PASSWORD_THREADS = Math.max(1, Math.min(4, availableParallelism()));

type Job = { id: number; op: "hash" | "compare"; password: string; arg: number | string; resolve: (v: never) => void; reject: (e: Error) => void };
type Slot = { worker: Worker; job: Job | null };

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

function startSlot(): Slot {
  const worker = new Worker(WORKER_SOURCE, { eval: true, name: "bcrypt" });
  const slot: Slot = { worker, job: null };
  worker.on("message", (message: { id: number; result?: unknown; error?: string }) => {
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    slot.job = null;
    worker.unref();
    if (message.error !== undefined) job.reject(new Error(message.error));
    else job.resolve(message.result as never);
    dispatch();
  });
  const retire = (error: Error) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    if (slot.job) slot.job.reject(error);
    slot.job = null;
    log.error({ err: error }, "password worker stopped");
    dispatch();
  };
  worker.on("error", retire);
  worker.on("exit", (code) => code !== 0 && retire(new Error(`password worker exited with code ${code}`)));
  // Idle threads must not keep a script or test process alive.
  worker.unref();
  slots.push(slot);
  return slot;
}

function dispatch() {
  while (queue.length > 0) {
    const slot = slots.find((s) => s.job === null) ?? (slots.length < PASSWORD_THREADS ? startSlot() : undefined);
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, op: job.op, password: job.password, arg: job.arg });
  }
}

function run<T>(op: Job["op"], password: string, arg: number | string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ id: nextId++, op, password, arg, resolve: resolve as (v: never) => void, reject });
    dispatch();
  });
}

/** A bcrypt hash of `password` at BCRYPT_ROUNDS, computed off the event loop. */
export function hashPassword(password: string): Promise<string> {
  return run<string>("hash", password, BCRYPT_ROUNDS);
}

/** Whether `password` matches a bcrypt `hash`, computed off the event loop. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return run<boolean>("compare", password, hash);
}

/**
 * Compared against when a sign-in's email is unknown, so both answers cost the
 * same (a hash of a random string at BCRYPT_ROUNDS; no password matches it).
 */
export const DUMMY_PASSWORD_HASH = "$2b$10$gjTWR3dAyn8Beab/xZtroe7SWifT4he98FI9BNqEiUsrsTFmJSwbS";
