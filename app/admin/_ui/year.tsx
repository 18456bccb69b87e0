"use client";
import { useEffect, useState } from "react";
import { SHU_POOLS, type ShuPool } from "@/server/domain/shu";
import { formatNumber } from "@/server/i18n/format";
import { api, newKey } from "./client";
import { DigitsInput, Field, type P, Status, useAction } from "./common";
import { LendingRule } from "./lending-rule";
import { useWords } from "./words-context";

type Rule = NonNullable<Awaited<ReturnType<typeof api.admin.year.rule.query>>>;
type Preview = Awaited<ReturnType<typeof api.admin.year.preview.query>>;

/** Tutup buku: the group's share-out rule, then one preview and one confirm for the year. */
export function Year({
  slug,
  t,
  locale,
  rp,
  today,
  canWrite,
  canSetRule,
}: P & { today: string; canWrite: boolean; canSetRule: boolean }) {
  const [rule, setRule] = useState<Rule | null | undefined>(undefined);
  // Opens on the oldest year not yet closed (the only one that may be closed next), once known.
  const [year, setYear] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [key, setKey] = useState(newKey);
  const [closed, setClosed] = useState<number | null>(null);
  const a = useAction(locale);
  const pools = useWords().shu.pools;
  useEffect(() => {
    api.admin.year.rule.query({ groupSlug: slug }).then(setRule);
    api.admin.year.oldestOpen
      .query({ groupSlug: slug })
      .then((o) => o.year)
      .catch(() => null)
      .then((y) => setYear((v) => v ?? String(y ?? Number(today.slice(0, 4)) - 1)));
  }, [slug, today]);
  if (rule === undefined || year === null) return <p>…</p>;
  const pct = (bps: number) => `${formatNumber(bps / 100, locale)}%`;

  return (
    <>
      <h2>{t.shuRule}</h2>
      {rule ? (
        <ul>
          {SHU_POOLS.map((p) => (
            <li key={p}>
              {pools[p]}: {pct(rule[p])}
            </li>
          ))}
          <li>{rule.memberPayout === "cash" ? t.payoutCash : t.payoutSavings}</li>
          {rule.isExample && <li className="muted">{t.ruleIsExample}</li>}
        </ul>
      ) : (
        <p className="warn">{t.noRule}</p>
      )}
      {canSetRule && <RuleForm slug={slug} t={t} locale={locale} rule={rule} onSaved={setRule} />}
      <LendingRule slug={slug} t={t} locale={locale} rp={rp} canSetRule={canSetRule} />

      {canWrite && (
        <form
          className="inline"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!/^\d{4}$/.test(year)) return a.fail("year", "year_invalid");
            if (preview) {
              const r = await a.run(
                () => api.admin.year.close.mutate({ groupSlug: slug, year: preview.year, idempotencyKey: key }),
                (r) => t.yearClosed(r.preview.year, r.entry?.seq ?? null),
              );
              if (r) {
                setClosed(r.preview.year);
                setYear(String(r.preview.year + 1)); // the next one open
                setPreview(null);
                setKey(newKey());
              }
              return;
            }
            const r = await a.run(
              () => api.admin.year.preview.query({ groupSlug: slug, year: Number(year) }),
              () => "",
            );
            if (r) setPreview(r);
          }}
        >
          <h2>{t.closeYear}</h2>
          <Field id="yy" label={t.year} a={a} name="year">
            <DigitsInput
              id="yy"
              value={year}
              onChange={(v) => {
                setYear(v.slice(0, 4));
                setPreview(null);
                setKey(newKey());
                a.edited("year");
              }}
            />
          </Field>
          {preview && (
            <section aria-label={t.closeYear}>
              <ul>
                <li>
                  {t.yearIncome}: {rp(preview.totals.serviceCharge + preview.totals.fines + preview.totals.otherIncome)}
                </li>
                <li>
                  {t.costs}: {rp(preview.totals.expenses + preview.totals.writtenOff)}
                </li>
                <li>
                  <strong>
                    SHU {preview.year}: {rp(preview.shu)}
                  </strong>
                </li>
                {SHU_POOLS.map((p) => (
                  <li key={p}>
                    {pools[p]}: {rp(preview.pools[p])}
                  </li>
                ))}
              </ul>
              <h3>{t.memberParts(preview.members.length)}</h3>
              <ul>
                {preview.members.map((m) => (
                  <li key={m.code}>
                    {m.code}: <strong>{rp(m.total)}</strong> ({pools.jasa_modal} {rp(m.jasaModal)},{" "}
                    {pools.jasa_pinjaman} {rp(m.jasaPinjaman)})
                  </li>
                ))}
              </ul>
            </section>
          )}
          {closed === null || preview ? (
            <div>
              <button type="submit" disabled={a.busy || !rule}>
                {preview ? t.confirmClose(preview.year) : t.previewYear}
              </button>
            </div>
          ) : null}
          <Status s={a} />
        </form>
      )}
    </>
  );
}

function RuleForm({
  slug,
  t,
  locale,
  rule,
  onSaved,
}: Pick<P, "slug" | "t" | "locale"> & { rule: Rule | null; onSaved: (r: Rule) => void }) {
  const [f, setF] = useState<Record<ShuPool, string> & { memberPayout: "savings" | "cash" }>({
    ...(Object.fromEntries(SHU_POOLS.map((p) => [p, rule ? String(rule[p] / 100) : ""])) as Record<ShuPool, string>),
    memberPayout: rule?.memberPayout ?? "savings",
  });
  const a = useAction(locale);
  const pools = useWords().shu.pools;
  const total = SHU_POOLS.reduce((s, p) => s + Number(f[p] || 0), 0);
  return (
    <details>
      <summary>{t.changeRule}</summary>
      <form
        className="inline"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await a.run(
            () =>
              api.admin.year.setRule.mutate({
                groupSlug: slug,
                rule: {
                  ...(Object.fromEntries(SHU_POOLS.map((p) => [p, Math.round(Number(f[p] || 0) * 100)])) as Record<
                    ShuPool,
                    number
                  >),
                  memberPayout: f.memberPayout,
                },
              }),
            () => t.ruleSaved,
          );
          if (r) api.admin.year.rule.query({ groupSlug: slug }).then((x) => x && onSaved(x));
        }}
      >
        {SHU_POOLS.map((p) => (
          <Field key={p} id={`r-${p}`} label={`${pools[p]} (%)`} a={a} name={`rule.${p}`}>
            <DigitsInput
              id={`r-${p}`}
              value={f[p]}
              onChange={(v) => {
                setF({ ...f, [p]: v.slice(0, 3) });
                a.edited(`rule.${p}`);
              }}
            />
          </Field>
        ))}
        <p className={total === 100 ? "ok" : "warn"}>{t.ruleTotal(total)}</p>
        <Field id="r-pay" label={t.memberPayout}>
          <select
            id="r-pay"
            value={f.memberPayout}
            onChange={(e) => setF({ ...f, memberPayout: e.target.value as "savings" | "cash" })}
          >
            <option value="savings">{t.payoutSavings}</option>
            <option value="cash">{t.payoutCash}</option>
          </select>
        </Field>
        <div>
          <button type="submit" disabled={a.busy || total !== 100}>
            {t.save}
          </button>
        </div>
        <Status s={a} />
      </form>
    </details>
  );
}
