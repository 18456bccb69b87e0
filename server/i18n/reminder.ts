/**
 * A reminder of an installment as a WhatsApp message to the member (server/domain/reminders.ts):
 * polite, short, and about her own loan only — her code, the group, what to pay and by when.
 */
import type { Reminder } from "@/server/domain/reminders";
import { formatDate, rp } from "./format";
import type { Locale } from "./messages";

export function reminderText(r: Reminder, groupName: string | null, locale: Locale, today: string): string {
  const day = r.dueOn === today ? (locale === "id" ? "hari ini" : "today") : formatDate(r.dueOn, locale);
  const amount = rp(r.amount, locale);
  const fines = r.fines > 0 ? rp(r.fines, locale) : null;
  const group = groupName ? ` ${groupName}` : "";
  if (locale === "id")
    return [
      `Salam, Ibu/Bapak anggota ${r.memberCode}${group}.`,
      r.late
        ? `Angsuran pinjaman Anda sudah lewat jatuh tempo sejak ${day}. Yang perlu dibayar: ${amount}${fines ? ` (termasuk denda ${fines})` : ""}.`
        : `Kami mengingatkan: angsuran pinjaman Anda sebesar ${amount} jatuh tempo ${day}.`,
      "Mohon dibayar pada pertemuan kelompok atau kepada bendahara. Terima kasih.",
    ].join("\n");
  return [
    `Hello, member ${r.memberCode}${group}.`,
    r.late
      ? `Your loan installment has been overdue since ${day}. To pay: ${amount}${fines ? ` (fines of ${fines} included)` : ""}.`
      : `A reminder: your loan installment of ${amount} falls due ${day === "today" ? day : `on ${day}`}.`,
    "Please pay at the group's meeting or to the treasurer. Thank you.",
  ].join("\n");
}
