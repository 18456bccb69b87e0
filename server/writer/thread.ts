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

/** The writer thread's `Writer`, and the thread itself (tests end it to see a new one take over). */
export interface ThreadWriter extends Writer {
  /** The thread now running, or null between a thread's end and the next command. */
  readonly thread: Worker | null;
}

/** One thread, ready: its first message says it has opened its connection. */
async function startThread(entry: string, workerData: WriterThreadData): Promise<Worker> {
  const worker = new Worker(bootstrap(entry), { eval: true, workerData });
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
  return worker;
}

/**
 * Starts the writer thread. Should it end unasked (an error nothing caught), the commands it held
 * are refused — each may or may not have been committed, which the client's retry with the same
 * idempotency key settles — and the next command starts a new thread.
 */
export async function startWriterThread(opts: {
  url: string;
  authToken?: string;
  /** The worker's entry; default server/writer/worker.ts. */
  entry?: string;
}): Promise<ThreadWriter> {
  const entry = opts.entry ?? path.join(process.cwd(), "server", "writer", "worker.ts");
  const workerData: WriterThreadData = { url: opts.url, ...(opts.authToken ? { authToken: opts.authToken } : {}) };
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let current: Worker | null = null;
  const ended = (worker: Worker, e: Error) => {
    if (current !== worker) return;
    current = null;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const adopt = (worker: Worker) => {
    current = worker;
    worker.on("message", (m: ReplyMessage) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(errorOf(m.error));
    });
    worker.on("error", (e) => ended(worker, e));
    worker.on("exit", (code) => ended(worker, new Error(`writer thread exited (${code})`)));
    return worker;
  };
  let starting: Promise<Worker> | null = null;
  const thread = (): Promise<Worker> => {
    if (current) return Promise.resolve(current);
    starting ??= startThread(entry, workerData)
      .then(adopt)
      .finally(() => {
        starting = null;
      });
    return starting;
  };
  await thread();
  return {
    get thread() {
      return current;
    },
    async run(verb, ctx, input) {
      const name = commandNameOf(verb);
      if (!name) throw new Error(`not a command: ${verb.name}`);
      if (closed) throw new Error("writer closed");
      const caller = callerData(ctx);
      const worker = await thread();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, name, caller, input } satisfies CommandMessage);
      }) as never;
    },
    async close() {
      closed = true;
      const worker = current;
      if (!worker) return;
      const exited = new Promise((r) => worker.once("exit", r));
      worker.postMessage({ type: "close" } satisfies ControlMessage);
      // The thread ends once its commands are answered and its connection closed; a stuck one is ended.
      const stuck = setTimeout(() => void worker.terminate(), 10_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}
