/**
 * What the reports' PDFs share (month-report-pdf.ts, year-report-pdf.ts): an A4 sheet drawn with
 * pdf-lib's standard Helvetica (nothing embedded, so a file stays a few kilobytes; text the font
 * cannot encode is spelt in plain letters), the heading lines (demo label, title, village, a failed
 * chain check), a seal with its QR code, and the signature block with the printed date.
 */
import { sealCovers } from "./seal-words";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { qrPath } from "./qr-path";
import type { ChainCheck } from "@/server/cache/chain-check";
import type { PublicCheckpoint } from "@/server/shared/seals";
import { formatDate, formatTimestamp } from "@/server/i18n/format";
import type { Locale, Messages } from "@/server/i18n/messages";

/** The group as a report's PDF names it. */
export interface PdfGroup {
  name: string;
  slug: string;
  village: string;
  kecamatan: string;
  kabupaten: string;
  isDemo: boolean;
  timeZone: string;
}

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 40;
export const INK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
export const WARN = rgb(0.65, 0.2, 0);
/** Characters outside WinAnsi, spelt in ones it has. */
const PLAIN: Record<string, string> = {
  "✓": "",
  "✗": "x",
  "⚠": "!",
  "→": "->",
  "←": "<-",
  "≈": "~",
  "−": "-",
};

export class Sheet {
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

/** A new PDF with its title and language, and its first A4 sheet. */
export async function newSheet(title: string, locale: Locale): Promise<Sheet> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer("Kas Terbuka");
  doc.setCreator("Kas Terbuka");
  doc.setLanguage(locale);
  return new Sheet(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
}

/** The top of a report: the demo label, the title, the village, and a failed chain check in full. */
export function drawHeader(
  sheet: Sheet,
  o: { group: PdfGroup; title: string; chain: ChainCheck; locale: Locale; t: Messages },
) {
  const { group, chain, locale, t } = o;
  if (group.isDemo) sheet.text(t.print.demo, { size: 9, bold: true, color: WARN });
  sheet.text(o.title, { size: 15, bold: true });
  sheet.text(`${t.village} ${group.village}, Kec. ${group.kecamatan}, Kab. ${group.kabupaten}`, { color: GREY });
  if (chain.problem) {
    const at = formatTimestamp(chain.wholeCheckedAt, group.timeZone, locale);
    const { signed } = chain.problem;
    sheet.text(signed ? t.chainRewritten(signed.month, signed.seq, at) : t.chainBad(chain.problem.seq, at), {
      bold: true,
      color: WARN,
    });
  }
}

/** A QR code as one path of filled squares (as the HTML seal draws it), its top-left corner at (x, top). */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number) {
  const qr = qrPath(text);
  page.drawRectangle({ x, y: top - size, width: size, height: size, color: rgb(1, 1, 1) });
  // SVG's y runs down; drawSvgPath turns it up from (x, top).
  page.drawSvgPath(qr.d, { x, y: top, scale: size / qr.size, color: INK });
}

/** A seal as the HTML shows it: its QR code to the verify page, the entry, the short seal, the hash, the countersignature. */
export function drawSeal(
  sheet: Sheet,
  o: { title: string; seal: PublicCheckpoint; verifyUrl: string | null; locale: Locale; t: Messages },
) {
  const { seal, locale, t } = o;
  const qr = 96;
  sheet.room(qr + 24);
  sheet.heading(o.title);
  const top = sheet.y;
  if (o.verifyUrl) drawQr(sheet.page, o.verifyUrl, MARGIN, top, qr);
  const x = MARGIN + qr + 12;
  sheet.text(t.seal.entry(seal.seq), { x });
  sheet.text(seal.seal, { x, size: 16, bold: true });
  sheet.text(seal.hash, { x, size: 7, color: GREY });
  sheet.text(
    seal.countersigned
      ? seal.countersigned.matches
        ? t.seal.signed(formatDate(seal.countersigned.on, locale))
        : t.seal.signedOther(seal.countersigned.seq)
      : t.seal.notSigned,
    { x },
  );
  // What a closed month's seal covers, in words: made at the close, so entries of the grace days too.
  const covers = sealCovers(seal, locale, t);
  if (covers) sheet.text(covers, { x, size: 8 });
  if (o.verifyUrl) sheet.text(`${t.print.verifyAt} ${o.verifyUrl.replace(/&segel=.*$/, "")}`, { x, size: 7 });
  sheet.y = Math.min(sheet.y, top - qr) - 4;
}

/** The signature block: four blank lines to sign, the village head "mengetahui"; then the printed date. */
export function drawSignatures(sheet: Sheet, o: { village: string; today: string; locale: Locale; t: Messages }) {
  const { locale, t } = o;
  sheet.room(130);
  sheet.heading(t.print.signatures);
  sheet.text(`${o.village}, ${formatDate(o.today, locale)}`);
  sheet.gap(4);
  const roles = [
    ["", t.print.chair],
    ["", t.print.treasurer],
    ["", t.print.supervisor],
    [t.print.knownBy, t.print.headOfVillage(o.village)],
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
  sheet.text(t.print.printed(formatDate(o.today, locale)), { size: 7, color: GREY });
}

/** The finished file (no object streams: each page's drawing stays one plain stream to read back). */
export function savePdf(sheet: Sheet): Promise<Uint8Array> {
  return sheet.doc.save({ useObjectStreams: false });
}
