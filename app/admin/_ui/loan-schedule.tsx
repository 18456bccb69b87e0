"use client";
import { formatDate } from "@/server/i18n/format";
import type { P } from "./common";

/** A loan's schedule: each installment's date, principal and service charge (and, for a running loan, when paid). */
export function ScheduleTable({
  rows,
  t,
  locale,
  rp,
  paidOn = false,
}: Pick<P, "t" | "locale" | "rp"> & {
  rows: readonly { n: number; dueOn: string; principal: number; serviceCharge: number; paidOn?: string | null }[];
  paidOn?: boolean;
}) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.installment}</th>
            <th scope="col">{t.date}</th>
            <th scope="col" className="num">
              {t.principal}
            </th>
            <th scope="col" className="num">
              {t.serviceCharge}
            </th>
            {paidOn && <th scope="col">{t.paidOn}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.n}>
              <td>{i.n}</td>
              <td>{formatDate(i.dueOn, locale)}</td>
              <td className="num">{rp(i.principal)}</td>
              <td className="num">{rp(i.serviceCharge)}</td>
              {paidOn && <td>{i.paidOn ? formatDate(i.paidOn, locale) : "–"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
