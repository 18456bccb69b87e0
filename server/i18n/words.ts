/**
 * A rupiah amount in words ("terbilang"), as on a kuitansi: read before a large figure is saved, an
 * extra zero is heard where it is not seen ("sembilan ratus juta" against "sembilan puluh juta").
 */
import type { Locale } from "./messages";

const ID_ONES = [
  "",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
  "sepuluh",
  "sebelas",
];
const ID_SCALES = ["", "ribu", "juta", "miliar", "triliun"];

function idBelowThousand(n: number): string {
  if (n < 12) return ID_ONES[n]!;
  if (n < 20) return `${ID_ONES[n - 10]} belas`;
  if (n < 100) return [`${ID_ONES[Math.floor(n / 10)]} puluh`, ID_ONES[n % 10]].filter(Boolean).join(" ");
  const rest = idBelowThousand(n % 100);
  const hundreds = n < 200 ? "seratus" : `${ID_ONES[Math.floor(n / 100)]} ratus`;
  return [hundreds, rest].filter(Boolean).join(" ");
}

const EN_ONES = [
  "",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_SCALES = ["", "thousand", "million", "billion", "trillion"];

function enBelowThousand(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const tail = r < 20 ? EN_ONES[r]! : [EN_TENS[Math.floor(r / 10)], EN_ONES[r % 10]].filter(Boolean).join("-");
  return [h ? `${EN_ONES[h]} hundred` : "", tail].filter(Boolean).join(" ");
}

/** A whole, non-negative rupiah amount in words, ending in "rupiah". */
export function rupiahInWords(amount: number, locale: Locale): string {
  const n = Math.trunc(Math.abs(amount));
  if (n === 0) return locale === "id" ? "nol rupiah" : "zero rupiah";
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) groups.push(x % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (!g) continue;
    if (locale === "id")
      parts.push(i === 1 && g === 1 ? "seribu" : [idBelowThousand(g), ID_SCALES[i]].filter(Boolean).join(" "));
    else parts.push([enBelowThousand(g), EN_SCALES[i]].filter(Boolean).join(" "));
  }
  return `${parts.join(" ")} rupiah`;
}
