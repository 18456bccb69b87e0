import { formatDate, formatMonth, formatTimestamp, rp } from "./format";
import { actorName } from "./actor";
import { type Locale, MESSAGES } from "./messages";

export interface AuditRow {
  at: string;
  actor: string;
  action: string;
  detail: string | null;
  entry: { seq: number | null; kind: string | null; amount: number | null; members: number | null } | null;
}

export { actorName };

function detailOf(row: AuditRow): Record<string, unknown> {
  try {
    const d = JSON.parse(row.detail ?? "{}");
    return d && typeof d === "object" ? d : {};
  } catch {
    return {};
  }
}

/** The record a supervisor's question is about (`cash_count:341`, `correction:12`, `seal:2026-11`), in words. */
function queryTargetWords(target: string, locale: Locale): string {
  const [subject, ref = ""] = target.split(":");
  const id = locale === "id";
  if (subject === "cash_count") return id ? `hitungan kas/bank (no. ${ref})` : `a cash or bank count (no. ${ref})`;
  if (subject === "correction") return id ? `koreksi (id ${ref})` : `a correction (id ${ref})`;
  if (subject === "seal") return id ? `segel ${formatMonth(ref, locale)}` : `the seal of ${formatMonth(ref, locale)}`;
  return target;
}

/**
 * One audit row as a sentence, in the group's time:
 * "bendahara-rd mencatat setoran 12 anggota, Rp 12.000, no. 5776 · 30 Nov 2026 10.58 WITA".
 */
export function auditSentence(row: AuditRow, locale: Locale, timeZone: string): string {
  const id = locale === "id";
  const d = detailOf(row);
  const s = (k: string) => String(d[k] ?? "");
  const money = (k: string) => rp(Number(d[k] ?? 0), locale);
  const e = row.entry?.seq != null ? row.entry : null;
  // A count that replaced one of the same day (issue #25) says so, with the reason's words.
  const replaced = d.reason
    ? `, ${MESSAGES[locale].countReplaced(MESSAGES[locale].countReplaceReasons[s("reason")] ?? s("reason"))}`
    : "";
  let what: string;
  if (row.action.startsWith("entry.") && e) {
    const kind = (MESSAGES[locale].kinds[e.kind ?? ""] ?? e.kind ?? "").toLowerCase();
    const whom =
      e.kind === "contribution" && e.members ? (id ? ` ${e.members} anggota` : ` from ${e.members} members`) : "";
    what = `${id ? "mencatat" : "recorded"} ${kind}${whom}, ${rp(e.amount ?? 0, locale)}, no. ${e.seq}`;
  } else {
    const phrases: Record<string, [string, string]> = {
      "cash.count": [
        `menghitung kas: ${money("counted")} (buku ${money("book")})${replaced}`,
        `counted the cash: ${money("counted")} (book ${money("book")})${replaced}`,
      ],
      "bank.check": [
        `mencocokkan rekening bank: ${money("counted")} (buku ${money("book")})${replaced}`,
        `checked the bank statement: ${money("counted")} (book ${money("book")})${replaced}`,
      ],
      "cash.countersign": ["menandatangani hitung kas", "countersigned a cash count"],
      "seal.countersign": [
        `menandatangani segel ${d.month ? formatMonth(s("month"), locale) : ""}`,
        `countersigned the seal of ${d.month ? formatMonth(s("month"), locale) : ""}`,
      ],
      "member.add": [`menambah anggota ${s("code")}`, `added member ${s("code")}`],
      "member.leave": [
        `mencatat ${s("code")} keluar${d.leftOn ? ` (${formatDate(s("leftOn"), locale)})` : ""}${
          d.paidOut ? `, simpanannya ${money("paidOut")} dibayar` : ""
        }`,
        `recorded that ${s("code")} leaves${d.leftOn ? ` (${formatDate(s("leftOn"), locale)})` : ""}${
          d.paidOut ? `, her savings of ${money("paidOut")} paid out` : ""
        }`,
      ],
      "member.leaveUndo": [
        `membatalkan catatan keluar ${s("code")}${d.payoutReversed ? `, pembayaran simpanan ${money("payoutReversed")} dibatalkan` : ""}`,
        `undid the leave of ${s("code")}${d.payoutReversed ? `, her ${money("payoutReversed")} savings payout reversed` : ""}`,
      ],
      "member.update": [`mengubah data anggota ${s("code")}`, `changed member ${s("code")}'s details`],
      // The number is kept masked in the log (62812****7890): never whole.
      "member.phone": d.phone
        ? [`mengubah nomor HP ${s("code")} menjadi ${s("phone")}`, `set ${s("code")}'s phone number to ${s("phone")}`]
        : [`menghapus nomor HP ${s("code")}`, `removed ${s("code")}'s phone number`],
      "member.resetCheckCode": [`membuat kode cek baru untuk ${s("code")}`, `made a new check code for ${s("code")}`],
      "book.import": [
        `memindahkan buku kertas (${s("members")} anggota, ${s("loans")} pinjaman)`,
        `moved the paper book in (${s("members")} members, ${s("loans")} loans)`,
      ],
      "year.close": [`menutup buku ${s("year")}`, `closed the year ${s("year")}`],
      "shu.rule": ["menetapkan aturan pembagian SHU", "set the SHU share-out rule"],
      "lending.rule": [
        `menetapkan aturan pinjaman: ${s("savingsMultiple")}× simpanan, paling banyak ${money("maxPrincipal")}`,
        `set the lending rule: ${s("savingsMultiple")}× savings, at most ${money("maxPrincipal")}`,
      ],
      "query.ask": [
        `menanyakan ${queryTargetWords(s("target"), "id")} (${MESSAGES.id.queryReasons[s("queryReason")] ?? s("queryReason")})`,
        `queried ${queryTargetWords(s("target"), "en")} (${MESSAGES.en.queryReasons[s("queryReason")] ?? s("queryReason")})`,
      ],
      "query.answer": [
        `menjawab pertanyaan pengawas tentang ${queryTargetWords(s("target"), "id")}: ${MESSAGES.id.queryAnswers[s("answer")] ?? s("answer")}`,
        `answered the supervisor's question about ${queryTargetWords(s("target"), "en")}: ${MESSAGES.en.queryAnswers[s("answer")] ?? s("answer")}`,
      ],
      "correction.countersign": [`menandatangani koreksi no. ${s("seq")}`, `countersigned correction no. ${s("seq")}`],
      "referenceTerms.update": [
        "mengubah pembanding pinjaman (pengijon, rentenir, KUR)",
        "changed the comparison lenders' terms (pengijon, rentenir, KUR)",
      ],
      "group.create": ["membuat kelompok", "created the group"],
    };
    what = phrases[row.action]?.[id ? 0 : 1] ?? row.action;
  }
  return `${actorName(row.actor)} ${what} · ${formatTimestamp(row.at, timeZone, locale)}`;
}
