import { DEFAULT_REFERENCE_TERMS } from "@/server/domain/finance/compare";
import { GLOSSARY, GLOSSARY_PAGE } from "@/server/i18n/glossary";
import { getMessages, titled } from "@/server/i18n/locale";
import { METHOD_LENDING, METHOD_PAGE, METHOD_SHU } from "@/server/i18n/pages";
import { getDatabase } from "@/db/client";
import { SHU_POOLS } from "@/server/domain/shu";
import { formatPct, rp } from "@/server/i18n/format";
import { lendingRuleOf } from "@/server/shared/lending-rule";
import { listGroups } from "@/server/read/public-figures";
import { ruleOfRow, shareOutRuleOf } from "@/server/shared/year";
import { Sources } from "../_components/Sources";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("method");

export default async function MethodologyPage() {
  const { locale, t } = await getMessages();
  const x = METHOD_PAGE[locale];
  const y = METHOD_SHU[locale];
  const database = await getDatabase();
  const groups = await listGroups(database.db);
  const rules = await Promise.all(groups.map((g) => shareOutRuleOf(database.db, g)));
  const lending = await Promise.all(groups.map((g) => lendingRuleOf(database.db, g)));
  const z = METHOD_LENDING[locale];
  const g = GLOSSARY_PAGE[locale];
  return (
    <>
      <h1 id="istilah">{g.title}</h1>
      <p>{g.intro}</p>
      <dl className="glossary">
        {Object.entries(GLOSSARY).map(([key, terms]) => (
          <div key={key} id={`istilah-${key}`}>
            <dt>{terms[locale].name}</dt>
            <dd>
              {terms[locale].def}
              <br />
              <span className="muted">
                {g.formula}: {terms[locale].formula}
              </span>
            </dd>
          </div>
        ))}
      </dl>
      <h2 id="aman">{g.safetyTitle}</h2>
      <ul>
        {g.safety.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <h1>{x.title}</h1>
      {x.parts.map(([h, p]) => (
        <section key={h}>
          <h2>{h}</h2>
          <p>{p}</p>
        </section>
      ))}
      <Sources terms={DEFAULT_REFERENCE_TERMS} locale={locale} t={t} />
      <h1 id="shu">{y.title}</h1>
      {y.parts.map(([h, p]) => (
        <section key={h}>
          <h2>{h}</h2>
          <p>{p}</p>
        </section>
      ))}
      <h2>{y.rules}</h2>
      <ul>
        {groups.map((g, i) => {
          const r = rules[i];
          return (
            <li key={g.slug}>
              {g.name}:{" "}
              {r
                ? `${SHU_POOLS.filter((p) => ruleOfRow(r)[p] > 0)
                    .map((p) => `${t.shu.pools[p]} ${formatPct(ruleOfRow(r)[p] / 10_000, locale)}`)
                    .join(" · ")}${r.isExample ? ` (${y.example})` : ""}`
                : y.none}
            </li>
          );
        })}
      </ul>
      <h1 id="pinjaman">{z.title}</h1>
      <p>{z.text}</p>
      <h2>{z.rules}</h2>
      <ul>
        {groups.map((g, i) => {
          const r = lending[i]!;
          return (
            <li key={g.slug}>
              {g.name}: {z.line(r.savingsMultiple, rp(r.maxPrincipal, locale))}
              {r.isDefault ? ` (${z.byDefault})` : r.isExample ? ` (${z.example})` : ""}
            </li>
          );
        })}
      </ul>
    </>
  );
}
