import { describe, expect, it } from "vitest";
import { enqueue, flush, queued, refused, type QueuedDay, type QueueStorage, type SendResult } from "./offline-queue";

const memory = (): QueueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};
const day = (n: number): QueuedDay => ({
  date: `2026-11-${String(n).padStart(2, "0")}`,
  idempotencyKey: `ui-${n}`,
  lines: [{ memberCode: "RD-001", amount: 1000 }],
  total: 1000,
  queuedAt: "2026-11-29T10:00:00Z",
});

describe("the phone's queue of collection days", () => {
  it("keeps every day when there is no signal", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", day(1));
    enqueue(s, "ratu-damai", day(2));
    await expect(flush(s, "ratu-damai", () => Promise.reject(new TypeError("Failed to fetch")))).rejects.toThrow();
    expect(queued(s, "ratu-damai").map((d) => d.idempotencyKey)).toEqual(["ui-1", "ui-2"]);
  });

  it("settles each day by the server's answer: recorded ones leave, refused ones are kept with their reason", async () => {
    const s = memory();
    for (const n of [1, 2, 3]) enqueue(s, "ratu-damai", day(n));
    const r = await flush(
      s,
      "ratu-damai",
      async (days): Promise<SendResult[]> =>
        days.map((d) =>
          d.idempotencyKey === "ui-2"
            ? {
                idempotencyKey: d.idempotencyKey,
                ok: false,
                error: { code: "date_in_future", field: "date", params: {} },
              }
            : { idempotencyKey: d.idempotencyKey, ok: true, seq: 10 },
        ),
    );
    expect(r).toMatchObject({ sent: 2, left: 0 });
    expect(queued(s, "ratu-damai")).toEqual([]);
    expect(refused(s, "ratu-damai")).toEqual([
      { ...day(2), error: { code: "date_in_future", field: "date", params: {} } },
    ]);
  });

  it("does not lose a day queued while a batch is on its way, nor send one key twice in the queue", async () => {
    const s = memory();
    enqueue(s, "ratu-damai", day(1));
    enqueue(s, "ratu-damai", day(1)); // the same day saved twice: one in the queue
    const r = await flush(s, "ratu-damai", async (days) => {
      enqueue(s, "ratu-damai", day(5));
      return days.map((d) => ({ idempotencyKey: d.idempotencyKey, ok: true as const, seq: 1 }));
    });
    expect(r).toMatchObject({ sent: 1, left: 1 });
    expect(queued(s, "ratu-damai").map((d) => d.idempotencyKey)).toEqual(["ui-5"]);
  });

  it("sends at most 50 days at a time, oldest first; queues are per group", async () => {
    const s = memory();
    for (let n = 1; n <= 60; n++) enqueue(s, "ratu-damai", { ...day(1), idempotencyKey: `k-${n}` });
    enqueue(s, "compang-dalo", day(7));
    let sent: string[] = [];
    await flush(s, "ratu-damai", async (days) => {
      sent = days.map((d) => d.idempotencyKey);
      return days.map((d) => ({ idempotencyKey: d.idempotencyKey, ok: true as const, seq: 1 }));
    });
    expect(sent.length).toBe(50);
    expect(sent[0]).toBe("k-1");
    expect(queued(s, "ratu-damai").length).toBe(10);
    expect(queued(s, "compang-dalo").length).toBe(1);
  });

  it("treats unreadable storage as an empty queue rather than breaking the screen", () => {
    const s = memory();
    s.setItem("kt-antrian:ratu-damai", "{not json");
    expect(queued(s, "ratu-damai")).toEqual([]);
  });
});
