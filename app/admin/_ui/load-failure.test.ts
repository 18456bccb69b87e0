import { describe, expect, it } from "vitest";
import { TRPCClientError } from "./client";
import { loadFailure } from "./load-failure";

const NO_SIGNAL = "Tanpa sinyal — belum disinkronkan";

describe("what the overview says when its data cannot be read", () => {
  it("no answer at all (offline, not kept on the phone): the no-signal sentence", () => {
    expect(loadFailure(new TypeError("Failed to fetch"), "id", NO_SIGNAL)).toBe(NO_SIGNAL);
    expect(loadFailure(new TRPCClientError("Failed to fetch"), "id", NO_SIGNAL)).toBe(NO_SIGNAL);
  });

  it("the server answered with a refusal: its reason, not the no-signal sentence", () => {
    const refused = new TRPCClientError("FORBIDDEN", {
      result: { error: { message: "FORBIDDEN", code: -32003, data: { code: "FORBIDDEN" } } },
    });
    const said = loadFailure(refused, "id", NO_SIGNAL);
    expect(said).not.toBe(NO_SIGNAL);
    expect(said.length).toBeGreaterThan(0);
  });
});
