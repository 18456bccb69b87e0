import { describe, expect, it } from "vitest";
import {
  anyQueued,
  countFarFromBook,
  dismissRefused,
  dismissSent,
  enqueue,
  flush,
  flushOnce,
  type Outcome,
  type QueuedWrite,
  type QueueStorage,
  queued,
  refused,
  release,
  remove,
  sentList,
  type WriteKind,
} from "./offline-queue";

const memory = (): QueueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};
const write = (key: string, kind: WriteKind = "collection"): QueuedWrite => ({
  key,
  kind,
  input: { groupSlug: "ratu-damai", idempotencyKey: key },
  summary: key,
  queuedAt: "2026-11-29T10:00:00Z",
});
const ok: Outcome = { ok: true, seq: 10 };
const refusal = (code: string): Outcome => ({ ok: false, error: { code, field: "amount", params: {} } });
const keys = (ws: { key: string }[]) => ws.map((w) => w.key);

describe("writes kept on the phone", () => {
  it("are all kept when there is no signal", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("a"));
    enqueue(s, "ratu-damai", write("b", "loan"));
    await expect(flush(s, "ratu-damai", () => Promise.reject(new TypeError("Failed to fetch")))).rejects.toThrow();
    expect(keys(queued(s, "ratu-damai"))).toEqual(["a", "b"]);
  });

  it("are sent one at a time, oldest first, each leaving the queue once recorded", async () => {
    const s = memory();
    for (const [k, kind] of [
      ["a", "collection"],
      ["b", "repayment"],
      ["c", "expense"],
      ["d", "cash_count"],
    ] as const)
      enqueue(s, "ratu-damai", write(k, kind));
    const order: string[] = [];
    const r = await flush(s, "ratu-damai", async (w) => {
      order.push(w.key);
      return ok;
    });
    expect(order).toEqual(["a", "b", "c", "d"]);
    expect(r).toEqual({ sent: 4, refused: [], held: 0, left: 0 });
  });

  it("a collection recorded with a line refused alone leaves the queue, keeps that line as refused, and holds money-out behind it", async () => {
    const s = memory();
    const day: QueuedWrite = {
      ...write("day"),
      input: {
        groupSlug: "ratu-damai",
        idempotencyKey: "day",
        date: "2026-11-29",
        lines: [
          { memberCode: "RA-001", amount: 1000 },
          { memberCode: "RA-002", amount: 2000, days: ["2026-11-28", "2026-11-29"] },
        ],
      },
    };
    enqueue(s, "ratu-damai", day);
    enqueue(s, "ratu-damai", write("loan", "loan"));
    const error = {
      code: "already_collected",
      field: "lines.1.memberCode",
      params: { code: "RA-002", day: "2026-11-28", seq: 7 },
    };
    const r = await flush(s, "ratu-damai", async (w) =>
      w.key === "day" ? { ok: true, seq: 9, refusedLines: [{ line: 1, error }] } : ok,
    );
    expect(r).toMatchObject({ sent: 1, held: 1, left: 1 });
    const [line] = refused(s, "ratu-damai");
    expect(line).toMatchObject({ key: "day#1", error, input: { lines: [{ memberCode: "RA-002" }] } });
    expect(queued(s, "ratu-damai")).toMatchObject([{ key: "loan", held: true }]);
  });

  it("after a refusal, the money-out writes behind it are held, not sent blindly; money in still goes", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("repay", "repayment"));
    enqueue(s, "ratu-damai", write("loan", "loan"));
    enqueue(s, "ratu-damai", write("day", "collection"));
    enqueue(s, "ratu-damai", write("cost", "expense"));
    const sent: string[] = [];
    const r = await flush(s, "ratu-damai", async (w) => {
      sent.push(w.key);
      return w.key === "repay" ? refusal("repayment_exceeds_owed") : ok;
    });
    expect(sent).toEqual(["repay", "day"]);
    expect(r).toMatchObject({ sent: 1, held: 2, left: 2 });
    expect(refused(s, "ratu-damai")).toEqual([
      { ...write("repay", "repayment"), error: { code: "repayment_exceeds_owed", field: "amount", params: {} } },
    ]);
    expect(queued(s, "ratu-damai").map((w) => [w.key, w.held])).toEqual([
      ["loan", true],
      ["cost", true],
    ]);
    // Still held at the next signal, until the treasurer says what to do with each.
    expect((await flush(s, "ratu-damai", async () => ok)).sent).toBe(0);
    release(s, "ratu-damai", "loan"); // sent, though the refusal is still listed
    remove(s, "ratu-damai", "cost");
    const again = await flush(s, "ratu-damai", async () => ok);
    expect(again).toEqual({ sent: 1, refused: [], held: 0, left: 0 });
    // A loan kept later is held while the refusal stays unread, and goes once she has looked.
    enqueue(s, "ratu-damai", write("later", "loan"));
    expect((await flush(s, "ratu-damai", async () => ok)).held).toBe(1);
    dismissRefused(s, "ratu-damai");
    release(s, "ratu-damai", "later");
    expect((await flush(s, "ratu-damai", async () => ok)).sent).toBe(1);
  });

  it("a leave waits with its key and is sent in order; one paying her savings out is held after a refusal", async () => {
    const s = memory();
    const leave = (key: string, payOut: boolean): QueuedWrite => ({
      ...write(key, "leave"),
      input: {
        groupSlug: "ratu-damai",
        code: "RD-007",
        leftOn: "2026-11-29",
        confirmed: true,
        idempotencyKey: key,
        ...(payOut ? { payOut: true } : {}),
      },
    });
    enqueue(s, "ratu-damai", write("cost", "expense"));
    enqueue(s, "ratu-damai", leave("goes", false));
    enqueue(s, "ratu-damai", leave("paid-out", true));
    const sent: string[] = [];
    const r = await flush(s, "ratu-damai", async (w) => {
      sent.push(w.key);
      return w.key === "cost" ? refusal("insufficient_cash") : ok;
    });
    // A plain leave takes no money: it goes. The one that pays her savings out waits for the treasurer.
    expect(sent).toEqual(["cost", "goes"]);
    expect(r).toMatchObject({ sent: 1, held: 1, left: 1 });
    expect(queued(s, "ratu-damai")).toMatchObject([{ key: "paid-out", kind: "leave", held: true }]);
  });

  it("keeps a write kept while another is on its way, and one key once", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("a"));
    enqueue(s, "ratu-damai", write("a")); // saved twice with the same key: one in the queue
    const r = await flush(s, "ratu-damai", async () => {
      enqueue(s, "ratu-damai", write("late", "loan"));
      return ok;
    });
    expect(r.sent).toBe(2); // "a", then "late" (queued while "a" was on its way)
    expect(queued(s, "ratu-damai")).toEqual([]);
    expect(queued(s, "compang-dalo")).toEqual([]); // queues are per group
  });

  it("reads a collection day kept by the earlier version of the screen as a collection write", async () => {
    const s = memory();
    s.setItem(
      "kt-antrian:ratu-damai",
      JSON.stringify([
        {
          date: "2026-11-28",
          idempotencyKey: "ui-old",
          lines: [{ memberCode: "RD-001", amount: 1000 }],
          total: 1000,
          queuedAt: "2026-11-28T10:00:00Z",
        },
      ]),
    );
    const [w] = queued(s, "ratu-damai");
    expect(w).toMatchObject({
      key: "ui-old",
      kind: "collection",
      input: { groupSlug: "ratu-damai", date: "2026-11-28", idempotencyKey: "ui-old" },
    });
  });

  it("treats unreadable storage as an empty queue rather than breaking the screen", () => {
    const s = memory();
    s.setItem("kt-antrian:ratu-damai", "{not json");
    expect(queued(s, "ratu-damai")).toEqual([]);
  });
});

describe("whether a new app version may take over", () => {
  const browserLike = () => {
    const m = memory();
    return {
      getItem: m.getItem,
      setItem: m.setItem,
      get length() {
        return m.data.size;
      },
      key: (i: number) => [...m.data.keys()][i] ?? null,
    };
  };
  it("waits while any group's queue on the phone holds a write, whatever else is kept", () => {
    const store = browserLike();
    store.setItem("kt-admin-user", "7");
    store.setItem("kt-ditolak:ratu-damai", JSON.stringify([{ ...write("r1"), error: { code: "x" } }]));
    expect(anyQueued(store)).toBe(false);
    enqueue(store, "sumber-air", write("k1"));
    expect(anyQueued(store)).toBe(true);
    remove(store, "sumber-air", "k1");
    expect(anyQueued(store)).toBe(false);
    // A day kept by an earlier version of the screen is a write too.
    store.setItem("kt-antrian:ratu-damai", JSON.stringify([{ date: "2026-11-29", idempotencyKey: "old", lines: [] }]));
    expect(anyQueued(store)).toBe(true);
  });
});

describe("what was sent from the queue, with the entries it got (the banner and the receipts)", () => {
  const recorded = (seq: number): Outcome => ({ ok: true, seq, entryId: seq + 1000 });
  it("counts every write sent since the list was last closed, across flushes — one cut short included", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("a"));
    enqueue(s, "ratu-damai", write("b", "repayment"));
    // The first flush sends a, then finds no answer for b: it throws, and b stays.
    let n = 0;
    await expect(
      flush(s, "ratu-damai", async () => {
        if (n++ > 0) throw new TypeError("Failed to fetch");
        return recorded(41);
      }),
    ).rejects.toThrow();
    expect(sentList(s, "ratu-damai").map((w) => [w.key, w.seq, w.entryId])).toEqual([["a", 41, 1041]]);
    // The signal returns: b goes in a flush of its own; the list holds both (the banner once said "1").
    const r = await flush(s, "ratu-damai", async () => recorded(42));
    expect(r.sent).toBe(1);
    expect(sentList(s, "ratu-damai")).toEqual([
      { key: "a", kind: "collection", summary: "a", seq: 41, entryId: 1041 },
      { key: "b", kind: "repayment", summary: "b", seq: 42, entryId: 1042 },
    ]);
    // Closed, it starts afresh; another group's list is its own.
    dismissSent(s, "ratu-damai");
    expect(sentList(s, "ratu-damai")).toEqual([]);
    enqueue(s, "sumber-air", write("c"));
    await flush(s, "sumber-air", async () => ({ ok: true, seq: null }));
    expect(sentList(s, "ratu-damai")).toEqual([]);
    expect(sentList(s, "sumber-air")).toEqual([
      { key: "c", kind: "collection", summary: "c", seq: null, entryId: null },
    ]);
  });

  it("lists a write once however often it was sent, and never a refused one", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("a"));
    await flush(s, "ratu-damai", async () => recorded(7));
    // Sent again with the same key (kept again after a lost reply): the server answers with the same entry.
    enqueue(s, "ratu-damai", write("a"));
    enqueue(s, "ratu-damai", write("x", "expense"));
    await flush(s, "ratu-damai", async (w) => (w.key === "a" ? recorded(7) : refusal("amount_too_large")));
    expect(sentList(s, "ratu-damai").map((w) => w.key)).toEqual(["a"]);
    expect(keys(refused(s, "ratu-damai"))).toEqual(["x"]);
  });

  it("a count sent from the queue keeps how it stood against the book; one far from it is a warning", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("near", "cash_count"));
    enqueue(s, "ratu-damai", write("far", "cash_count"));
    await flush(s, "ratu-damai", async (w) => ({
      ok: true,
      seq: null,
      entryId: null,
      // Another phone spent Rp 400.000 meanwhile: the far count is Rp 400.000 over the book it met.
      count:
        w.key === "near"
          ? { counted: 1_010_000, book: 1_000_000, difference: 10_000 }
          : { counted: 1_000_000, book: 600_000, difference: 400_000 },
    }));
    const [near, far] = sentList(s, "ratu-damai");
    expect(near?.count).toEqual({ counted: 1_010_000, book: 1_000_000, difference: 10_000 });
    expect(countFarFromBook(near!)).toBeNull();
    expect(countFarFromBook(far!)).toBe(400_000);
    // A write that is not a count (or one sent by an older version, without the book) warns of nothing.
    expect(countFarFromBook({})).toBeNull();
  });

  it("a write still waiting (not held) can be taken back: removed, it is never sent", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("income-1", "income"));
    enqueue(s, "ratu-damai", write("income-2", "income")); // saved twice by mistake
    remove(s, "ratu-damai", "income-2");
    const sent: string[] = [];
    await flush(s, "ratu-damai", async (w) => {
      sent.push(w.key);
      return recorded(sent.length);
    });
    expect(sent).toEqual(["income-1"]);
    expect(keys(queued(s, "ratu-damai"))).toEqual([]);
  });

  it("a broken list on the phone reads as empty, not as an error", () => {
    const s = memory();
    s.setItem("kt-terkirim:ratu-damai", "{not json");
    expect(sentList(s, "ratu-damai")).toEqual([]);
  });
});

describe("one flush at a time", () => {
  it("a second flush while one runs sends nothing itself: each write goes once, and the banner counts both", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", write("a"));
    enqueue(s, "ratu-damai", write("b", "expense"));
    const calls: string[] = [];
    const slowly = async (w: QueuedWrite): Promise<Outcome> => {
      calls.push(w.key);
      await new Promise((r) => setTimeout(r, 5));
      return { ok: true, seq: calls.length, entryId: calls.length };
    };
    // The signal comes back and the timer fires in the same moment.
    const [one, two] = await Promise.all([flushOnce(s, "ratu-damai", slowly), flushOnce(s, "ratu-damai", slowly)]);
    expect(calls).toEqual(["a", "b"]);
    expect(one).toBe(two);
    expect(sentList(s, "ratu-damai").map((w) => w.key)).toEqual(["a", "b"]);
    // Done, the next one runs again.
    enqueue(s, "ratu-damai", write("c"));
    await flushOnce(s, "ratu-damai", slowly);
    expect(calls).toEqual(["a", "b", "c"]);
  });
});
