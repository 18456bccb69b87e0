import { getDatabase } from "@/db/client";
import { normaliseSeal, shortSeal } from "@/server/domain/seal";
import { getMessages, titled } from "@/server/i18n/locale";
import type { Messages } from "@/server/i18n/messages";
import { watchChains } from "@/server/cache/chain-check";
import { listGroups } from "@/server/read/public-figures";
import { type SealVerdict, verifySeal } from "@/server/read/seals";

export const dynamic = "force-dynamic";
export const generateMetadata = titled("checkSeal");

type Q = { kelompok?: string; no?: string; segel?: string };

/** What the page says of a verdict: only a match is "ok" (with a warning when the books changed further on); a typo asks to check what was typed. */
function verdictText(
  v: Messages["verify"],
  group: string,
  asked: number,
  seal: string,
  verdict: SealVerdict,
): { ok: boolean; text: string; warning?: string } {
  switch (verdict.kind) {
    case "bad":
      return { ok: false, text: v.badFields(verdict.fields) };
    case "tooShort":
      return { ok: false, text: v.tooShort };
    case "matches":
      return {
        ok: true,
        text: v.matches(group, asked, shortSeal(normaliseSeal(seal)!)),
        warning: verdict.later ? v.laterChanged(verdict.later.seq, verdict.later.month) : undefined,
      };
    case "changed":
      return { ok: false, text: v.changed(group, asked, verdict.seq) };
    case "rewritten":
      return { ok: false, text: v.rewritten(group, asked, verdict.month, verdict.seq) };
    case "otherEntry":
      return { ok: false, text: v.otherEntry(group, asked, verdict.seq) };
    case "beyond":
      return { ok: false, text: v.beyond(group, asked, verdict.last) };
    case "unknown":
      return { ok: false, text: v.unknown(group, asked, verdict.digits) };
  }
}

/**
 * How a member compares the seal on the notice board with the site — and the check itself (a GET
 * form, no script). Never kept by the front server (a live route, server/front/routes.ts): the
 * answer is the database's as it is now.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Q> }) {
  const { t } = await getMessages();
  const v = t.verify;
  const q = await searchParams;
  const database = await getDatabase();
  watchChains(database);
  const groups = await listGroups(database.db);
  let verdict: { ok: boolean; text: string; warning?: string } | null = null;
  if (q.kelompok || q.no || q.segel) {
    const asked = await verifySeal(database, q);
    verdict = verdictText(v, asked.group?.name ?? "", asked.seq ?? 0, String(q.segel ?? ""), asked.verdict);
  }
  return (
    <>
      <h1>{v.title}</h1>
      <p>{v.intro}</p>
      {verdict && (
        <p className={verdict.ok ? "ok verdict" : "warn verdict"} role="status">
          {verdict.text}
        </p>
      )}
      {verdict?.warning && (
        <p className="warn verdict" role="alert">
          {verdict.warning}
        </p>
      )}
      <form method="get" action="/verifikasi" className="inline">
        <label htmlFor="kelompok">{v.group}</label>
        <select id="kelompok" name="kelompok" defaultValue={q.kelompok}>
          {groups.map((g) => (
            <option key={g.slug} value={g.slug}>
              {g.name}
            </option>
          ))}
        </select>
        <label htmlFor="no">{v.entry}</label>
        <input id="no" name="no" inputMode="numeric" maxLength={9} defaultValue={q.no} required />
        <label htmlFor="segel">{v.seal}</label>
        <input id="segel" name="segel" maxLength={80} placeholder="3BAB-6FF7-87E1" defaultValue={q.segel} required />
        <div>
          <button type="submit">{v.check}</button>
        </div>
      </form>
      <h2>{v.byHandTitle}</h2>
      <ol>
        {v.byHand.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h2>{v.anyoneTitle}</h2>
      <p>{v.anyone}</p>
      <pre className="cmd">
        node scripts/verify-open-data.mjs https://…/api/open/groups/ratu-damai/ledger.json --checkpoints
        checkpoints-kept-earlier.json --expect 5120:3BAB-6FF7-87E1
      </pre>
    </>
  );
}
