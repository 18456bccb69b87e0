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
