/**
 * Facts about the demo data that the seed, the launcher and the pages share. Every name and
 * figure in the demo is invented; each demo group is flagged `isDemo` and every page says so.
 */
export const DEMO_GROUPS = [
  {
    slug: "ratu-damai",
    name: "KSM Ratu Damai",
    village: "Golo Meni",
    foundedOn: "2016-03-01",
    prefix: "RD",
    seed: 2016_03_01,
  },
  {
    slug: "compang-dalo",
    name: "KSM Compang Dalo",
    village: "Mokel",
    foundedOn: "2016-05-16",
    prefix: "CD",
    seed: 2016_05_16,
  },
] as const;

/** Demo kode cek are derived from the member code so a newcomer can be told one: RD-001 → 100001. */
export function demoCheckCode(code: string): string {
  const [p, n] = code.split("-") as [string, string];
  return `${p === "RD" ? "1" : "2"}00${n}`.padEnd(6, "1");
}

export interface PassbookHint {
  groupSlug: string;
  groupName: string;
  memberCode: string;
  checkCode: string;
}

/** A passbook anyone may open on a demo portal: the first member of the first demo group present. */
export function demoPassbookHint(groups: readonly { slug: string; isDemo: boolean }[]): PassbookHint | null {
  const spec = DEMO_GROUPS.find((d) => groups.some((g) => g.slug === d.slug && g.isDemo));
  if (!spec) return null;
  const memberCode = `${spec.prefix}-001`;
  return { groupSlug: spec.slug, groupName: spec.name, memberCode, checkCode: demoCheckCode(memberCode) };
}
