/**
 * The monthly report as a PDF on one A4 page, to share in the group's WhatsApp: the same figures
 * object as the HTML report (`monthlyReport`), the same words (server/i18n), the month's seal with
 * its QR code, and the signature block. Drawn with pdf-lib's standard Helvetica (nothing embedded,
 * so the file stays a few kilobytes); text the font cannot encode is spelt in plain letters.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import QRCode from "qrcode";
import type { monthlyReport } from "@/server/services/monthly-report";
import type { ChainCheck } from "@/server/services/chain-check";
import { formatDate, formatInt, formatMonth, formatTimestamp, rp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";
import { sealCovers } from "./seal-words";

type Report = Awaited<ReturnType<typeof monthlyReport>>;

export interface MonthReportPdfInput {
  group: {
    name: string;
    slug: string;
    village: string;
    kecamatan: string;
    kabupaten: string;
    isDemo: boolean;
    timeZone: string;
  };
  report: Report;
  chain: ChainCheck;
  /** Where the QR code leads (the verify page at the seal's full hash). */
  verifyUrl: string | null;
  /** The group's date today (the printed date). */
  today: string;
  locale: Locale;
  t: Messages;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const INK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const WARN = rgb(0.65, 0.2, 0);
/** Characters outside WinAnsi, spelt in ones it has. */
const PLAIN: Record<string, string> = { "✓": "v", "✗": "x", "⚠": "!", "→": "->", "←": "<-", "≈": "~", "−": "-" };

class Sheet {
  y = A4[1] - MARGIN;
  private readonly chars: Set<number>;
  page: PDFPage;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.chars = new Set(font.getCharacterSet());
    this.page = doc.addPage(A4);
  }
  /** A new page when less than `h` points are left on this one (a long month's cash counts). */
  room(h: number) {
    if (this.y - h >= MARGIN) return;
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  plain(text: string): string {
    return [...text].map((c) => (this.chars.has(c.codePointAt(0)!) ? c : (PLAIN[c] ?? "?"))).join("");
  }
  /** Lines of text wrapped to the width, moving down. */
  text(
    s: string,
    o: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; x?: number; width?: number } = {},
  ) {
    const size = o.size ?? 9;
    const font = o.bold ? this.bold : this.font;
    const x = o.x ?? MARGIN;
    const width = o.width ?? A4[0] - MARGIN - x;
    let line = "";
    const flush = () => {
      this.room(size * 1.3);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: o.color ?? INK });
      this.y -= size * 1.3;
      line = "";
    };
    for (const word of this.plain(s).split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        flush();
        line = word;
      } else line = next;
    }
    if (line) flush();
  }
  /** A table row: a label and right-aligned figures in fixed columns. */
  row(label: string, figures: string[], o: { bold?: boolean } = {}) {
    const size = 9;
    const font = o.bold ? this.bold : this.font;
    this.room(size * 1.45);
    this.page.drawText(this.plain(label), { x: MARGIN, y: this.y - size, size, font, color: INK });
    figures.forEach((f, i) => {
      const s = this.plain(f);
      const right = A4[0] - MARGIN - (figures.length - 1 - i) * 120;
      this.page.drawText(s, { x: right - font.widthOfTextAtSize(s, size), y: this.y - size, size, font, color: INK });
    });
    this.y -= size * 1.45;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 2 },
      end: { x: A4[0] - MARGIN, y: this.y + 2 },
      thickness: 0.3,
      color: rgb(0.8, 0.8, 0.8),
    });
  }
  gap(h = 6) {
    this.y -= h;
  }
  heading(s: string) {
    this.gap(4);
    this.text(s, { size: 11, bold: true });
    this.gap(1);
  }
}

/** A QR code as one path of filled squares (as the HTML seal draws it), its top-left corner at (x, top). */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let d = "";
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (modules.data[r * n + c]) d += `M${c + 4} ${r + 4}h1v1h-1z`;
  page.drawRectangle({ x, y: top - size, width: size, height: size, color: rgb(1, 1, 1) });
  // SVG's y runs down; drawSvgPath turns it up from (x, top).
  page.drawSvgPath(d, { x, y: top, scale: size / (n + 8), color: INK });
}

export async function monthReportPdf(input: MonthReportPdfInput): Promise<Uint8Array> {
  const { group, report: r, chain, locale, t } = input;
  const doc = await PDFDocument.create();
  const title = `${t.report.title} ${group.name} — ${formatMonth(r.month, locale, true)}`;
  doc.setTitle(title);
  doc.setProducer("Kas Terbuka");
  doc.setCreator("Kas Terbuka");
  doc.setLanguage(locale);
  const sheet = new Sheet(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const money = (n: number) => rp(n, locale);
  if (group.isDemo) sheet.text(t.print.demo, { size: 9, bold: true, color: WARN });
  sheet.text(r.provisional ? `${title} (${t.report.provisionalBadge})` : title, { size: 15, bold: true });
  sheet.text(`${t.village} ${group.village}, Kec. ${group.kecamatan}, Kab. ${group.kabupaten}`, { color: GREY });
  if (chain.problem) {
    const at = formatTimestamp(chain.wholeCheckedAt, group.timeZone, locale);
    const { signed } = chain.problem;
    sheet.text(signed ? t.chainRewritten(signed.month, signed.seq, at) : t.chainBad(chain.problem.seq, at), {
      bold: true,
      color: WARN,
    });
  }
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

  if (r.seal) {
    const qr = 96;
    sheet.room(qr + 24);
    sheet.heading(t.report.monthSeal(formatMonth(r.month, locale, true)));
    const top = sheet.y;
    if (input.verifyUrl) drawQr(sheet.page, input.verifyUrl, MARGIN, top, qr);
    const x = MARGIN + qr + 12;
    sheet.text(t.seal.entry(r.seal.seq), { x });
    sheet.text(r.seal.seal, { x, size: 16, bold: true });
    sheet.text(r.seal.hash, { x, size: 7, color: GREY });
    sheet.text(
      r.seal.countersigned
        ? r.seal.countersigned.matches
          ? `✓ ${t.seal.signed(formatDate(r.seal.countersigned.on, locale))}`
          : t.seal.signedOther(r.seal.countersigned.seq)
        : t.seal.notSigned,
      { x },
    );
    const covers = sealCovers(r.seal, locale, t);
    if (covers) sheet.text(covers, { x, size: 8 });
    if (input.verifyUrl) sheet.text(`${t.print.verifyAt} ${input.verifyUrl.replace(/&segel=.*$/, "")}`, { x, size: 7 });
    sheet.y = Math.min(sheet.y, top - qr) - 4;
  }

  // The signature block: four blank lines to sign, the village head "mengetahui".
  sheet.room(130);
  sheet.heading(t.print.signatures);
  sheet.text(`${group.village}, ${formatDate(input.today, locale)}`);
  sheet.gap(4);
  const roles = [
    ["", t.print.chair],
    ["", t.print.treasurer],
    ["", t.print.supervisor],
    [t.print.knownBy, t.print.headOfVillage(group.village)],
  ];
  const colWidth = (A4[0] - 2 * MARGIN) / roles.length;
  const top = sheet.y;
  roles.forEach(([pre, role], i) => {
    sheet.y = top;
    const x = MARGIN + i * colWidth;
    if (pre) sheet.text(pre, { x, width: colWidth - 6 });
    else sheet.gap(9 * 1.3); // the line "Mengetahui," takes in the last column
    sheet.text(role!, { x, width: colWidth - 6, bold: true });
    sheet.y -= 42;
    sheet.text(t.print.blankName, { x, width: colWidth - 6 });
  });
  sheet.gap(8);
  sheet.text(t.print.printed(formatDate(input.today, locale)), { size: 7, color: GREY });
  return doc.save({ useObjectStreams: false });
}
