import type { Suppressed } from "@/server/domain/indicators";
import { perMemberYear } from "@/server/domain/figures";
import { rp, formatInt } from "@/server/i18n/format";
import { type Locale, MESSAGES } from "@/server/i18n/messages";

export function Card({ label, value, note }: { label: string; value: React.ReactNode; note?: string }) {
  return (
    <li className="card">
      <span className="label">{label}</span>
      <span className="value">{value}</span>
      {note && <span className="label">{note}</span>}
    </li>
  );
}

/** A count or an amount the disclosure rule may hide (server/domain/disclosure.ts): every hidden cell reads the same. */
export function Small({ v, locale, money = false }: { v: Suppressed<number>; locale: Locale; money?: boolean }) {
  if (v.suppressed) return <>{MESSAGES[locale].suppressed}</>;
  return <>{money ? rp(v.value, locale) : formatInt(v.value, locale)}</>;
}

/** Beneath the cost-avoided headline: the upper figure (other loans from a rentenir too), then the headline per member per year of membership. */
export function costAvoidedNote(
  avoided: { atLeast: number; ifOthersRentenir: number; memberDays: number },
  locale: Locale,
): string {
  const t = MESSAGES[locale].compare;
  const perYear = perMemberYear(avoided.atLeast, avoided.memberDays);
  const range = t.costAvoidedRange(rp(avoided.ifOthersRentenir, locale));
  return perYear === null ? range : `${range} · ${t.costAvoidedPerMemberYear(rp(perYear, locale))}`;
}
