import { localDate } from "@/server/domain/dates";
import { formatRupiah } from "@/server/domain/money";
import type { Locale } from "./messages";

export const rp = (amount: number, locale: Locale) => formatRupiah(amount, locale);

const MONTHS: Record<Locale, string[]> = {
  id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};
const MONTHS_LONG: Record<Locale, string[]> = {
  id: [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** `29 Nov 2026` from a business date (already in the group's time zone). */
export function formatDate(d: string, locale: Locale): string {
  const [y, m, day] = d.split("-");
  return `${Number(day)} ${MONTHS[locale][Number(m) - 1]} ${y}`;
}

export const formatMonth = (ym: string, locale: Locale, long = false) =>
  `${(long ? MONTHS_LONG : MONTHS)[locale][Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;

/** A number with a fixed count of decimals and the locale's decimal separator: 2.2 → `2,20` (id). */
export function formatDecimal(x: number, locale: Locale, digits: number): string {
  const s = x.toFixed(digits);
  return locale === "id" ? s.replace(".", ",") : s;
}

/** A fraction as a percentage with a locale decimal separator: 0.2597 → `25,97%`. */
export function formatPct(x: number | null, locale: Locale, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return "–";
  return `${formatDecimal(x * 100, locale, digits)}%`;
}

/** A number with at most `maxDigits` decimals (trailing zeros dropped), grouped: 1234.5 → `1.234,5` / `1,234.5`. */
export function formatNumber(x: number, locale: Locale, maxDigits = 2): string {
  const [int = "0", frac = ""] = Math.abs(x).toFixed(maxDigits).split(".");
  const decimals = frac.replace(/0+$/, "");
  const sign = x < 0 && Number(`${int}.${frac}`) !== 0 ? "-" : "";
  return `${sign}${formatInt(Number(int), locale)}${decimals ? (locale === "id" ? "," : ".") + decimals : ""}`;
}

export function formatInt(n: number, locale: Locale): string {
  return Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, locale === "id" ? "." : ",");
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A timestamp shown in the group's time zone: `29 Nov 2026 18.05 WITA`. */
export function formatTimestamp(iso: string, timeZone: string, locale: Locale): string {
  const d = new Date(iso);
  const date = localDate(d, timeZone);
  let timeFormat = timeFormats.get(timeZone);
  if (!timeFormat) {
    timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    timeFormats.set(timeZone, timeFormat);
  }
  const time = timeFormat.format(d);
  const zone =
    timeZone === "Asia/Makassar"
      ? "WITA"
      : timeZone === "Asia/Jakarta"
        ? "WIB"
        : timeZone === "Asia/Jayapura"
          ? "WIT"
          : timeZone;
  return `${formatDate(date, locale)} ${locale === "id" ? time.replace(":", ".") : time} ${zone}`;
}

/** A wait in words: `20 detik`, `3 menit` / `20 seconds`, `3 minutes` (rounded up to whole minutes past 90 s). */
export function formatWait(seconds: number, locale: Locale): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s <= 90) return locale === "id" ? `${s} detik` : `${s} second${s === 1 ? "" : "s"}`;
  const m = Math.ceil(s / 60);
  return locale === "id" ? `${m} menit` : `${m} minutes`;
}

/**
 * A chart's axis figure, short: `163,8 jt` and `5 rb` on Indonesian pages (decimal comma),
 * `163.8M` and `5k` on English ones. Whole rupiah in, text out (never used in arithmetic).
 */
export function formatShortRupiah(v: number, locale: Locale): string {
  const abs = Math.abs(v);
  const sign = v < 0 ? "−" : "";
  const one = (x: number) => {
    const r = Math.round(x * 10) / 10;
    const s = Number.isInteger(r) ? String(r) : r.toFixed(1);
    return locale === "id" ? s.replace(".", ",") : s;
  };
  if (abs >= 1_000_000_000) return `${sign}${one(abs / 1_000_000_000)}${locale === "id" ? " M" : "B"}`;
  if (abs >= 1_000_000) return `${sign}${one(abs / 1_000_000)}${locale === "id" ? " jt" : "M"}`;
  if (abs >= 1000) return `${sign}${Math.round(abs / 1000)}${locale === "id" ? " rb" : "k"}`;
  return `${sign}${abs}`;
}
