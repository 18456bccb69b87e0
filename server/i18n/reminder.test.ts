import { describe, expect, it } from "vitest";
import type { Reminder } from "@/server/domain/reminders";
import { reminderText as withNbsp } from "./reminder";

/** The text with its no-break spaces (after "Rp") as plain ones, to read the expectations easily. */
const reminderText = (...a: Parameters<typeof withNbsp>) => withNbsp(...a).replace(/\u00a0/g, " ");

const soon: Reminder = { loanId: 7, memberCode: "RA-003", late: false, amount: 104_000, fines: 0, dueOn: "2026-12-01" };
const late: Reminder = {
  loanId: 8,
  memberCode: "RA-004",
  late: true,
  amount: 105_000,
  fines: 5000,
  dueOn: "2026-11-17",
};

describe("a reminder's message", () => {
  it("names her code, the group, the amount and the day, in Indonesian first", () => {
    expect(reminderText(soon, "KSM Ratu Damai", "id", "2026-11-29")).toBe(
      [
        "Salam, Ibu/Bapak anggota RA-003 KSM Ratu Damai.",
        "Kami mengingatkan: angsuran pinjaman Anda sebesar Rp 104.000 jatuh tempo 1 Des 2026.",
        "Mohon dibayar pada pertemuan kelompok atau kepada bendahara. Terima kasih.",
      ].join("\n"),
    );
    expect(reminderText(soon, "KSM Ratu Damai", "en", "2026-11-29")).toContain(
      "your loan installment of Rp 104,000 falls due on 1 Dec 2026",
    );
  });

  it("a late one says since when and the fines it includes; due today says today", () => {
    const id = reminderText(late, "KSM Ratu Damai", "id", "2026-11-29");
    expect(id).toContain(
      "sudah lewat jatuh tempo sejak 17 Nov 2026. Yang perlu dibayar: Rp 105.000 (termasuk denda Rp 5.000).",
    );
    expect(reminderText({ ...soon, dueOn: "2026-11-29" }, null, "id", "2026-11-29")).toContain(
      "Rp 104.000 jatuh tempo hari ini.",
    );
    expect(reminderText({ ...soon, dueOn: "2026-11-29" }, null, "en", "2026-11-29")).toContain("falls due today.");
  });

  it("carries nothing but her own loan: no other code, no loan id", () => {
    const text = reminderText(late, null, "id", "2026-11-29");
    expect(text.match(/RA-\d+/g)).toEqual(["RA-004"]);
    expect(text).not.toContain("#8");
  });

  it("greets her by name only when it goes to her own number; shared by hand, only her code", () => {
    const maria = { fullName: "Maria Goreti", gender: "P" as const, phone: "6281297531864" };
    const toHer = reminderText(late, "KSM Ratu Damai", "id", "2026-11-29", maria);
    expect(toHer.split("\n")[0]).toBe("Salam, Ibu Maria Goreti (anggota RA-004 KSM Ratu Damai).");
    expect(reminderText(late, null, "id", "2026-11-29", { ...maria, fullName: "Yosef Sadu", gender: "L" })).toContain(
      "Salam, Bapak Yosef Sadu (anggota RA-004).",
    );
    expect(reminderText(late, null, "en", "2026-11-29", maria)).toContain("Hello, Maria Goreti (member RA-004).");
    // No number: the treasurer picks the chat herself (a group chat, perhaps) — no name in it.
    const shared = reminderText(late, "KSM Ratu Damai", "id", "2026-11-29", { ...maria, phone: null });
    expect(shared).not.toContain("Maria");
    expect(shared.split("\n")[0]).toBe("Salam, Ibu/Bapak anggota RA-004 KSM Ratu Damai.");
    expect(reminderText(late, null, "en", "2026-11-29", { ...maria, phone: null })).not.toContain("Maria");
  });
});
