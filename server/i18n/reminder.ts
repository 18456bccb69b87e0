/**
 * A reminder of an installment as a WhatsApp message to the member (server/domain/reminders.ts):
 * polite, short, and about her own loan only — her code, the group, what to pay and by when.
 *
 * Greeted by her name only when the message goes straight to her own number (wa.me/62…): without a
 * number the treasurer picks the chat by hand from the share sheet — a group chat, say — and there a
 * name beside "late since" would tell others; the member code alone is what the public pages show.
 */
import type { Reminder } from "@/server/domain/reminders";
import { formatDate, rp } from "./format";
import type { Locale } from "./messages";

/** The member the reminder is for, as the treasurer's register knows her, and her number if the book has one. */
export interface Addressee {
  fullName: string;
  gender: "P" | "L";
  phone: string | null;
}

export function reminderText(
  r: Reminder,
  groupName: string | null,
  locale: Locale,
  today: string,
  her: Addressee | null = null,
): string {
  const name = her?.phone ? her.fullName : null;
  const day = r.dueOn === today ? (locale === "id" ? "hari ini" : "today") : formatDate(r.dueOn, locale);
  const amount = rp(r.amount, locale);
  const fines = r.fines > 0 ? rp(r.fines, locale) : null;
  const group = groupName ? ` ${groupName}` : "";
  if (locale === "id")
    return [
      name
        ? `Salam, ${her!.gender === "L" ? "Bapak" : "Ibu"} ${name} (anggota ${r.memberCode}${group}).`
        : `Salam, Ibu/Bapak anggota ${r.memberCode}${group}.`,
      r.late
        ? `Angsuran pinjaman Anda sudah lewat jatuh tempo sejak ${day}. Yang perlu dibayar: ${amount}${fines ? ` (termasuk denda ${fines})` : ""}.`
        : `Kami mengingatkan: angsuran pinjaman Anda sebesar ${amount} jatuh tempo ${day}.`,
      "Mohon dibayar pada pertemuan kelompok atau kepada bendahara. Terima kasih.",
    ].join("\n");
  return [
    name ? `Hello, ${name} (member ${r.memberCode}${group}).` : `Hello, member ${r.memberCode}${group}.`,
    r.late
      ? `Your loan installment has been overdue since ${day}. To pay: ${amount}${fines ? ` (fines of ${fines} included)` : ""}.`
      : `A reminder: your loan installment of ${amount} falls due ${day === "today" ? day : `on ${day}`}.`,
    "Please pay at the group's meeting or to the treasurer. Thank you.",
  ].join("\n");
}
