import { describe, expect, it } from "vitest";
import { formatDuration, progress } from "./progress";

function recorder(isTTY: boolean) {
  const out: string[] = [];
  const write = (s: string) => {
    out.push(s);
    return true;
  };
  return { out, stream: { isTTY, write } };
}

describe("progress", () => {
  it("off a terminal writes a plain line at most every few seconds, with the share done and the time left", () => {
    let t = 0;
    const { out, stream } = recorder(false);
    const p = progress("Seeding", 100, { stream, now: () => t, lineEveryMs: 5000 });
    for (let done = 1; done <= 50; done++) {
      t += 200; // one unit every 0.2 s: 10 s in all
      p.update(done, `unit ${done}`);
    }
    expect(out).toHaveLength(2); // at 0.2 s and at 5.2 s, not 50 lines
    expect(out[1]).toBe("Seeding  26% · unit 26 · 5 s · ±15 s left\n");
    expect(out.every((l) => !l.includes("\r"))).toBe(true);
    p.finish("done");
    expect(out.at(-1)).toBe("Seeding: done (10 s)\n");
  });

  it("on a terminal redraws one line with a bar", () => {
    let t = 0;
    const { out, stream } = recorder(true);
    const p = progress("Verify", 4, { stream, now: () => t });
    t = 1000;
    p.update(1);
    expect(out[0]).toBe("\r\x1b[2KVerify [######..................]  25% · 1 s · ±3 s left");
    p.finish("OK");
    expect(out[1]).toBe("\r\x1b[2KVerify: OK (1 s)\n");
  });

  it("says minutes past 90 seconds", () => {
    expect(formatDuration(89)).toBe("89 s");
    expect(formatDuration(478)).toBe("7 min 58 s");
  });
});
