import { describe, expect, it } from "vitest";
import { errorMessage } from "./errors";

describe("the month_closed message", () => {
  // Some forms (the loan form) have no note or reason field: the message must not assume one.
  it("tells to record with today's date and to name the month only where the form has a note or reason", () => {
    const id = errorMessage("month_closed", { month: "2026-01" }, "id");
    expect(id).toContain("Catat dengan tanggal hari ini; bila formulirnya punya catatan atau alasan, sebutkan bulan");
    expect(id).not.toMatch(/dan sebutkan bulan .* di keterangan atau alasannya/);
    const en = errorMessage("month_closed", { month: "2026-01" }, "en");
    expect(en).toContain("Record this with today's date; if the form has a note or reason, name");
    expect(en).not.toMatch(/and name .* in the note or reason/);
  });
});

describe("the already_collected message", () => {
  // A treasurer reads a day as she writes it, never as 2026-12-08 (the cold try found the ISO form).
  it("names the day paid as people write it", () => {
    const params = { code: "RD-004", day: "2026-12-08", seq: 8146 };
    expect(errorMessage("already_collected", params, "id")).toContain("RD-004 sudah membayar iuran 8 Des 2026");
    expect(errorMessage("already_collected", params, "en")).toContain("RD-004 already paid for 8 Dec 2026");
    expect(errorMessage("already_collected", params, "id")).not.toContain("2026-12-08");
  });
});
