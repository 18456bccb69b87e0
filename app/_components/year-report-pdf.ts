/**
 * A closed year's report as a PDF on one or two A4 pages, to share in the group's WhatsApp: the same
 * model as the HTML year report (`yearReportModels`: totals, SHU and its division, the indicators,
 * December's final seal) and the same words (server/i18n) — never a member — with the seal's QR
 * code, the signature block and the printed date. Drawn by report-pdf.ts, as the monthly report is.
 */
import { SHU_POOLS } from "@/server/domain/shu";
import { formatInt, formatMonth, formatPct, formatTimestamp, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import type { yearReportModels } from "@/server/read/public-figures";
import { drawHeader, drawSeal, drawSignatures, GREY, newSheet, type PdfGroup, savePdf } from "./report-pdf";

export interface YearReportPdfInput {
  group: PdfGroup;
  models: Awaited<ReturnType<typeof yearReportModels>>;
  /** Where the QR code leads (the verify page at the seal's full hash). */
  verifyUrl: string | null;
  /** The group's date today (the printed date). */
  today: string;
  locale: Locale;
  t: Messages;
}

export async function yearReportPdf(input: YearReportPdfInput): Promise<Uint8Array> {
  const { group, models, locale, t } = input;
  const { report: r, chain, seal } = models;
  const s = t.shu;
  const title = `${s.report} ${group.name} — ${r.year}`;
  const sheet = await newSheet(title, locale);
  const money = (n: number) => rp(n, locale);
  const pct = (v: number | null) => (v === null ? "–" : formatPct(v, locale));
  drawHeader(sheet, { group, title, chain, locale, t });

  const x = r.totals;
  sheet.heading(s.income);
  sheet.row(s.serviceCharge, [money(x.serviceCharge)]);
  sheet.row(s.fines, [money(x.fines)]);
  sheet.row(s.otherIncome, [money(x.otherIncome)]);
  sheet.row(s.incomeTotal, [money(x.serviceCharge + x.fines + x.otherIncome)], { bold: true });
  sheet.heading(s.costs);
  sheet.row(s.expenses, [money(x.expenses)]);
  sheet.row(s.writtenOff, [money(x.writtenOff)]);
  sheet.row(s.costsTotal, [money(x.expenses + x.writtenOff)], { bold: true });

  sheet.heading(s.shu);
  sheet.text(`${s.shuIs} ${money(r.shu)}`, { bold: true });
  sheet.heading(s.division);
  for (const p of SHU_POOLS) sheet.row(`${s.pools[p]} (${formatPct(r.rule[p] / 10_000, locale)})`, [money(r.pools[p])]);
  sheet.row(s.membersPaid, [formatInt(r.membersPaid, locale)]);
  sheet.gap(3);
  sheet.text(
    `${r.rule.memberPayout === "cash" ? s.payoutCash : s.payoutSavings}${r.rule.isExample ? ` (${s.example})` : ""}. ${s.closedOn(formatTimestamp(r.closedAt, group.timeZone, locale))}`,
    { color: GREY },
  );

  const i = r.indicators;
  sheet.heading(s.indicators);
  sheet.row(s.returnOnSavings, [pct(i.returnOnSavings)]);
  sheet.row(s.returnOnAssets, [pct(i.returnOnAssets)]);
  sheet.row(s.utilisation, [pct(i.utilisation)]);
  sheet.row(s.par30, [pct(i.par30)]);
  sheet.row(s.retention, [i.retentionHidden ? t.suppressed : pct(i.retention)]);
  sheet.row(s.averageSavings, [i.averageSavingsPerMember === null ? t.suppressed : money(i.averageSavingsPerMember)]);
  sheet.row(s.writeOffRatio, [pct(i.writeOffRatio)]);
  sheet.gap(3);
  sheet.text(s.yearEndNote, { size: 8, color: GREY });

  if (seal)
    drawSeal(sheet, {
      title: t.report.monthSeal(formatMonth(seal.month, locale, true)),
      seal,
      verifyUrl: input.verifyUrl,
      locale,
      t,
    });
  drawSignatures(sheet, { village: group.village, today: input.today, locale, t });
  return savePdf(sheet);
}
