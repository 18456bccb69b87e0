/**
 * The writer on its own thread (node:worker_threads): `startWriterThread` starts ./worker.ts, which
 * owns the write connection, and answers a `Writer` whose commands run there. The serving thread
 * only hands over the command (its name, the caller, the parsed input) and awaits the answer: the
 * verbs' reads and writes, their disk flushes and their group commit never hold up a page.
 *
 * Pages stay current without a message from the thread: the front server's change signal is SQLite's
 * own counter on a connection of its own (`PageVersions`, data_version), which moves at every commit
 * of any other connection — the writer thread's included — before that commit's answer is sent.
 * A command is sent once and answered once: nothing here resends (a write is never applied twice by
 * the writer; a client's retry is the idempotency key's business).
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { commandNameOf } from "./commands";
import type { CommandMessage, ControlMessage, ReplyMessage, WriterThreadData } from "./worker";
import { callerData, errorOf, type Writer } from "./writer";

/** Loads the TypeScript entry in the thread the way `tsx` loads the server itself. */
function bootstrap(entry: string): string {
  return `require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export async function startWriterThread(opts: {
  url: string;
  authToken?: string;
  /** The worker's entry (a test may give a broken one); default server/writer/worker.ts. */
  entry?: string;
}): Promise<Writer> {
  const entry = opts.entry ?? path.join(process.cwd(), "server", "writer", "worker.ts");
  const workerData: WriterThreadData = { url: opts.url, ...(opts.authToken ? { authToken: opts.authToken } : {}) };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | null = null;
  const worker = new Worker(bootstrap(entry), { eval: true, workerData });
  const stop = (e: Error) => {
    stopped ??= e;
    for (const p of pending.values()) p.reject(stopped);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    const failed = (e: unknown) => reject(e instanceof Error ? e : new Error(`writer thread exited (${e})`));
    worker.once("error", failed);
    worker.once("exit", failed);
    worker.once("message", () => {
      worker.off("error", failed);
      worker.off("exit", failed);
      resolve();
    });
  });
  worker.on("message", (m: ReplyMessage) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(errorOf(m.error));
  });
  worker.on("error", (e) => stop(e));
  worker.on("exit", (code) => stop(new Error(`writer thread exited (${code})`)));
  return {
    run(verb, ctx, input) {
      const name = commandNameOf(verb);
      if (!name) return Promise.reject(new Error(`not a command: ${verb.name}`));
      if (stopped) return Promise.reject(stopped);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, name, caller: callerData(ctx), input } satisfies CommandMessage);
      }) as never;
    },
    async close() {
      if (stopped) return;
      const exited = new Promise((r) => worker.once("exit", r));
      worker.postMessage({ type: "close" } satisfies ControlMessage);
      // The thread ends once its commands are answered and its connection closed; a stuck one is ended.
      const stuck = setTimeout(() => void worker.terminate(), 10_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}
