/**
 * The monthly report as a PDF on one A4 page, to share in the group's WhatsApp: the same figures
 * object as the HTML report (`monthlyReport`), the same words (server/i18n), the month's seal with
 * its QR code, and the signature block. The sheet, seal and signatures are drawn by report-pdf.ts
 * (shared with the year report's PDF).
 */
import type { monthlyReport } from "@/server/read/monthly-report";
import type { ChainCheck } from "@/server/cache/chain-check";
import { formatDate, formatInt, formatMonth, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import { drawHeader, drawSeal, drawSignatures, GREY, newSheet, type PdfGroup, savePdf, WARN } from "./report-pdf";

type Report = Awaited<ReturnType<typeof monthlyReport>>;

export interface MonthReportPdfInput {
  group: PdfGroup;
  report: Report;
  chain: ChainCheck;
  /** Where the QR code leads (the verify page at the seal's full hash). */
  verifyUrl: string | null;
  /** The group's date today (the printed date). */
  today: string;
  locale: Locale;
  t: Messages;
}

export async function monthReportPdf(input: MonthReportPdfInput): Promise<Uint8Array> {
  const { group, report: r, chain, locale, t } = input;
  const title = `${t.report.title} ${group.name} — ${formatMonth(r.month, locale, true)}`;
  const sheet = await newSheet(title, locale);
  const money = (n: number) => rp(n, locale);
  drawHeader(sheet, {
    group,
    title: r.provisional ? `${title} (${t.report.provisionalBadge})` : title,
    chain,
    locale,
    t,
  });
  sheet.text(r.provisional ? t.report.provisional(formatDate(r.graceThrough, locale)) : t.report.closedNote, {
    color: r.provisional ? WARN : GREY,
  });

  sheet.heading(t.balanceSheet);
  sheet.row("", [t.report.opening, t.report.closing], { bold: true });
  const o = r.opening;
  const c = r.closing;
  for (const [label, a, b] of [
    [t.cash, o.cash, c.cash],
    [t.bank, o.bank, c.bank],
    [t.loansOutstanding, o.loansOutstanding, c.loansOutstanding],
    [t.memberSavings, o.memberSavings, c.memberSavings],
    [t.socialFund, o.socialFund, c.socialFund],
    [t.reserve, o.reserve, c.reserve],
    [t.otherFunds, o.otherFunds, c.otherFunds],
    [t.surplus, o.surplus, c.surplus],
  ] as const)
    sheet.row(label, [money(a), money(b)]);

  sheet.heading(t.report.inOut);
  const f = r.flows;
  for (const [label, v] of [
    [t.collections, f.contributions],
    [t.socialFund, f.socialFundIn],
    [t.report.principalRepaid, f.principalRepaid],
    [t.report.serviceCharge, f.serviceCharge],
    [t.report.fines, f.fines],
    [t.kinds.other_income!, f.otherIncome],
    [t.loansOut, -f.disbursed],
    [t.kinds.savings_withdrawal!, -f.withdrawals],
    [t.kinds.expense!, -f.expenses],
    [t.kinds.write_off!, f.writtenOff],
  ] as const)
    sheet.row(label, [money(v)]);
  sheet.gap(3);
  sheet.text(
    `${t.report.loansDisbursed}: ${formatInt(r.loansDisbursed, locale)} · ${t.report.corrections}: ${formatInt(r.entries.correction ?? 0, locale)}${r.correctionsQueried > 0 ? ` (${t.correctionsQueried(r.correctionsQueried)})` : ""}`,
  );

  sheet.heading(t.report.cashCounts);
  if (r.cashCounts.length === 0) sheet.text(t.noCashCount);
  for (const k of r.cashCounts)
    sheet.text(
      `${formatDate(k.date, locale)} (${k.account === "bank" ? t.bank : t.cash}): ${t.counted} ${money(k.counted)}, ${t.book} ${money(k.book)}, ${t.difference} ${money(k.difference)}${k.queried ? ` · ${t.queriedBySupervisor(t.queryReasons[k.queried] ?? "")}` : ""}`,
    );
  if (r.sealQueried) sheet.text(t.sealQueried(t.queryReasons[r.sealQueried] ?? ""), { color: WARN });

  if (r.seal)
    drawSeal(sheet, {
      title: t.report.monthSeal(formatMonth(r.month, locale, true)),
      seal: r.seal,
      verifyUrl: input.verifyUrl,
      locale,
      t,
    });
  drawSignatures(sheet, { village: group.village, today: input.today, locale, t });
  return savePdf(sheet);
}
