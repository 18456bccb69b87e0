"use client";
import { useEffect, useState } from "react";
import { maskPhone, whatsappLink } from "@/server/domain/phone";
import { receiptLinks, receiptText } from "@/server/i18n/receipt";
import { api } from "./client";
import { type P, useWho } from "./common";

type ReceiptToSend = Awaited<ReturnType<typeof api.admin.receipts.forEntry.query>>[number];

/**
 * A receipt for each member the saved entry touched: shown on screen, and sent to the member's
 * WhatsApp in one tap — straight to her number when the book has one (wa.me/62…), else the phone's
 * share sheet or the plain wa.me link (she picks the chat). Each receipt is built from that member's
 * postings only. Every receipt of the treasurer's app goes through here (collection, repayment,
 * loan, withdrawal, leave payout, and the writes sent from the phone's queue).
 */
export function Receipts({
  slug,
  entryId,
  t,
  locale,
}: Pick<P, "t" | "locale"> & { slug: string; entryId: number; rp?: P["rp"] }) {
  const [receipts, setReceipts] = useState<ReceiptToSend[] | null>(null);
  const who = useWho();
  useEffect(() => {
    setReceipts(null);
    api.admin.receipts.forEntry.query({ groupSlug: slug, entryId }).then(setReceipts, () => setReceipts([]));
  }, [slug, entryId]);
  if (!receipts?.length) return null;
  const origin = window.location.origin;
  return (
    <section className="receipts" aria-label={t.receipts}>
      <h2>{t.receipts}</h2>
      <ul>
        {receipts.map((r) => {
          const text = receiptText(r, locale, origin);
          return (
            <li key={r.memberCode}>
              <details>
                <summary>{t.receiptFor(who(r.memberCode))}</summary>
                <pre className="receipt">{text}</pre>
              </details>
              <ShareReceipt text={text} phone={r.phone} label={t.sendReceipt(who(r.memberCode))} />{" "}
              <span className="muted">{r.phone ? t.sendTo(r.memberCode, maskPhone(r.phone)) : t.noPhoneShare}</span>{" "}
              <a href={receiptLinks(r, origin).passbook}>{t.openPassbook}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * A WhatsApp link with the text: to her number when she has one (the link itself, no share sheet —
 * the sheet would make the treasurer look for her contact again); else the phone's own share sheet
 * when it has one (WhatsApp, SMS, …), or the plain link.
 */
export function ShareReceipt({ text, label, phone }: { text: string; label: string; phone: string | null }) {
  return (
    <a
      className="button"
      href={whatsappLink(phone, text)}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        if (phone || typeof navigator.share !== "function") return;
        e.preventDefault();
        navigator.share({ text }).catch(() => {});
      }}
    >
      {label}
    </a>
  );
}
