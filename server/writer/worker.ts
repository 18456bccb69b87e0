/**
 * The writer thread itself (started by ./thread.ts): it opens its own connection to the database —
 * the one that writes — and runs each command it is handed as soon as it comes. Commands that
 * arrive while one commits wait for the next commit together (`Database.write`'s group commit: one
 * transaction, each command in its own savepoint, one disk flush), and each is answered only after
 * its commit, with its own result or its own error.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { COMMANDS, type CommandName, type Verb } from "./commands";
import { type CallerData, contextOf, type ErrorData, errorData } from "./writer";

export interface CommandMessage {
  id: number;
  name: CommandName;
  caller: CallerData;
  input: unknown;
}
export type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorData };
export type ControlMessage = { type: "close" };
export interface WriterThreadData {
  url: string;
  authToken?: string;
}

async function main() {
  const port = parentPort;
  if (!port) return;
  const { url, authToken } = workerData as WriterThreadData;
  const database = await openDatabase(url, authToken);
  let inFlight = 0;
  let closing = false;
  const closeWhenIdle = () => {
    if (!closing || inFlight > 0) return;
    database.close();
    port.close();
  };
  const reply = (m: ReplyMessage) => {
    try {
      port.postMessage(m);
    } catch (e) {
      // An answer that cannot cross the thread (not plain data): the caller is told, not left waiting.
      port.postMessage({ id: m.id, ok: false, error: errorData(e) } satisfies ReplyMessage);
    }
  };
  port.on("message", (m: CommandMessage | ControlMessage) => {
    if ("type" in m) {
      closing = true;
      return closeWhenIdle();
    }
    inFlight++;
    const verb: Verb | undefined = COMMANDS[m.name];
    Promise.resolve()
      .then(() => {
        if (!verb) throw new Error(`not a command: ${m.name}`);
        return verb(contextOf(database, m.caller), m.input);
      })
      .then(
        (value) => reply({ id: m.id, ok: true, value }),
        (e) => reply({ id: m.id, ok: false, error: errorData(e) }),
      )
      .finally(() => {
        inFlight--;
        closeWhenIdle();
      });
  });
  port.postMessage({ ready: true });
}

if (!isMainThread) void main();
