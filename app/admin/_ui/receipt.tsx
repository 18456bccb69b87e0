"use client";
import { useEffect, useState } from "react";
import type { Receipt } from "@/server/domain/receipt";
import { receiptLinks, receiptText } from "@/server/i18n/receipt";
import { api } from "./client";
import type { P } from "./common";

/**
 * A receipt for each member the saved entry touched: shown on screen, and sent to the member's
 * WhatsApp in one tap (the phone's share sheet, or a plain wa.me link where there is none).
 * Each receipt is built from that member's postings only.
 */
export function Receipts({ slug, entryId, t, locale }: Omit<P, "slug"> & { slug: string; entryId: number }) {
  const [receipts, setReceipts] = useState<Receipt[] | null>(null);
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
                <summary>{t.receiptFor(r.memberCode)}</summary>
                <pre className="receipt">{text}</pre>
              </details>
              <ShareReceipt text={text} label={t.sendReceipt(r.memberCode)} />{" "}
              <a href={receiptLinks(r, origin).passbook}>{t.openPassbook}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ShareReceipt({ text, label }: { text: string; label: string }) {
  const whatsapp = `https://wa.me/?text=${encodeURIComponent(text)}`;
  return (
    <a
      className="button"
      href={whatsapp}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        // The phone's own share sheet when it has one (WhatsApp, SMS, …); the link otherwise.
        if (typeof navigator.share !== "function") return;
        e.preventDefault();
        navigator.share({ text }).catch(() => {});
      }}
    >
      {label}
    </a>
  );
}
