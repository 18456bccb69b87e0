"use client";
import { useEffect, useState } from "react";
import { api } from "./client";
import { DigitsInput, Field, type P, Status, useAction } from "./common";

type Rule = Awaited<ReturnType<typeof api.admin.lending.rule.query>>;

/**
 * The group's lending rule beside its share-out rule: every treasurer sees it; the pengawas or an
 * admin changes it (a new row, audited). The loan form and the server hold each loan to it.
 */
export function LendingRule({ slug, t, locale, rp, canSetRule }: P & { canSetRule: boolean }) {
  const [rule, setRule] = useState<Rule | null>(null);
  const [f, setF] = useState({ savingsMultiple: "", maxPrincipal: "" });
  const a = useAction(locale);
  useEffect(() => {
    api.admin.lending.rule.query({ groupSlug: slug }).then(
      (r) => {
        setRule(r);
        setF({ savingsMultiple: String(r.savingsMultiple), maxPrincipal: String(r.maxPrincipal) });
      },
      () => {},
    );
  }, [slug]);
  if (!rule) return null;
  const edit = (k: keyof typeof f, v: string) => {
    setF({ ...f, [k]: v });
    a.edited(k);
  };
  return (
    <>
      <h2>{t.lendingRule}</h2>
      <p id="lending-rule">
        {t.lendingRuleLine(rule.savingsMultiple, rp(rule.maxPrincipal))}
        {rule.isDefault && <span className="muted"> {t.lendingRuleDefault}</span>}
        {rule.isExample && <span className="muted"> {t.ruleIsExample}</span>}
      </p>
      {canSetRule && (
        <details>
          <summary>{t.changeLendingRule}</summary>
          <form
            className="inline"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await a.run(
                () =>
                  api.admin.lending.setRule.mutate({
                    groupSlug: slug,
                    savingsMultiple: Number(f.savingsMultiple || 0),
                    maxPrincipal: Number(f.maxPrincipal || 0),
                  }),
                () => t.lendingSaved,
              );
              if (r) api.admin.lending.rule.query({ groupSlug: slug }).then(setRule, () => {});
            }}
          >
            <Field id="lr-multiple" label={t.lendingMultiple} a={a} name="savingsMultiple">
              <DigitsInput
                id="lr-multiple"
                value={f.savingsMultiple}
                onChange={(v) => edit("savingsMultiple", v.slice(0, 3))}
              />
            </Field>
            <Field id="lr-max" label={t.lendingMax} a={a} name="maxPrincipal">
              <DigitsInput id="lr-max" value={f.maxPrincipal} onChange={(v) => edit("maxPrincipal", v.slice(0, 10))} />
            </Field>
            <div>
              <button type="submit" disabled={a.busy}>
                {t.save}
              </button>
            </div>
            <Status s={a} />
          </form>
        </details>
      )}
    </>
  );
}
