import type { Receipt, ReceiptItem } from "@/server/domain/receipt";
import { formatDate, rp } from "./format";
import type { Locale } from "./messages";

const WORDS = {
  id: {
    title: "Kuitansi",
    demo: "DATA DEMO",
    member: "Anggota",
    items: {
      savings_share: "Simpanan pokok",
      savings_mandatory: "Simpanan wajib",
      savings_voluntary: "Simpanan sukarela",
      social_fund: "Dana sosial",
      loan_received: "Pinjaman",
      loan_principal: "Angsuran pokok",
      service_charge: "Jasa pinjaman",
      fine: "Denda",
    } satisfies Record<ReceiptItem, string>,
    paid: "dibayar",
    received: "diterima",
    days: (n: number) => `${n} hari`,
    savingsAfter: "Simpanan Anda sekarang",
    loanOwedAfter: "Sisa pinjaman Anda",
    seal: "Segel",
    check: "Periksa di buku kas terbuka",
    passbook: "Buku anggota Anda (dengan kode cek)",
  },
  en: {
    title: "Receipt",
    demo: "DEMO DATA",
    member: "Member",
    items: {
      savings_share: "Share savings",
      savings_mandatory: "Mandatory savings",
      savings_voluntary: "Voluntary savings",
      social_fund: "Social fund",
      loan_received: "Loan",
      loan_principal: "Principal repaid",
      service_charge: "Service charge",
      fine: "Fine",
    } satisfies Record<ReceiptItem, string>,
    paid: "paid",
    received: "received",
    days: (n: number) => `${n} days`,
    savingsAfter: "Your savings now",
    loanOwedAfter: "Your loan still owed",
    seal: "Seal",
    check: "Check it in the open cash book",
    passbook: "Your passbook (with your check code)",
  },
};

/** Where a member finds the entry and her passbook; `origin` is the portal's address. */
export function receiptLinks(r: Receipt, origin: string) {
  return {
    entry: `${origin}/kelompok/${r.group.slug}#no-${r.seq}`,
    passbook: `${origin}/anggota?kelompok=${encodeURIComponent(r.group.slug)}&kode=${encodeURIComponent(r.memberCode)}`,
  };
}

/** The receipt as plain text, short enough for a WhatsApp message. */
export function receiptText(r: Receipt, locale: Locale, origin: string): string {
  const w = WORDS[locale];
  const links = receiptLinks(r, origin);
  const lines = [
    `${w.title} ${r.group.name}${r.group.isDemo ? ` (${w.demo})` : ""}`,
    `No. ${r.seq} · ${formatDate(r.date, locale)}`,
    `${w.member}: ${r.memberCode}`,
    ...r.lines.map(
      (l) =>
        `${w.items[l.item]}: ${rp(Math.abs(l.paid), locale)} ${l.paid >= 0 ? w.paid : w.received}${
          l.item === "savings_mandatory" && r.days > 0 ? ` (${w.days(r.days)})` : ""
        }`,
    ),
    `${w.savingsAfter}: ${rp(r.savingsAfter, locale)}`,
    ...(r.loanOwedAfter > 0 || r.lines.some((l) => l.item === "loan_principal" || l.item === "loan_received")
      ? [`${w.loanOwedAfter}: ${rp(r.loanOwedAfter, locale)}`]
      : []),
    `${w.seal}: ${r.hash.slice(0, 16)}`,
    `${w.check}: ${links.entry}`,
    `${w.passbook}: ${links.passbook}`,
  ];
  return lines.join("\n");
}
