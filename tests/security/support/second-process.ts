import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

const root = path.resolve(import.meta.dirname, "../../..");
const worker = path.join(import.meta.dirname, "worker.ts");

export interface SecondProcess {
  /** Starts the work (all calls in parallel): one answer per call, and the password checks made. */
  go(): Promise<{ answers: string[]; checks: number }>;
}

/**
 * Starts tests/security/support/worker.ts in another Node process on the same
 * database file (this process's environment), and resolves once it has loaded
 * the app's modules and opened the database, so `go()` starts its calls at
 * the same moment as the test's own.
 */
export async function startSecondProcess(args: string[]): Promise<SecondProcess> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), [worker, ...args], {
    cwd: root,
    env: process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const lines = readline.createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on("line", (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)));
  const exited = new Promise<never>((_, reject) => child.on("exit", (code) => reject(new Error(`second process exited (${code}): ${stderr.slice(-2000)}`))));
  const nextLine = () => Promise.race([new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiting.push(resolve))), exited]);

  const ready = await nextLine();
  if (ready !== "ready") throw new Error(`unexpected output from the second process: ${ready}`);
  return {
    async go() {
      child.stdin.write("go\n");
      const result = JSON.parse(await nextLine()) as { answers: string[]; checks: number };
      child.stdin.end();
      return result;
    },
  };
}
