import { expect, test } from "@playwright/test";
import { mutate, signInApi, todayWita } from "./api-session";

/** The month `n` months before today's (WITA), as YYYY-MM. */
const monthsAgo = (n: number) => {
  const [y, m] = todayWita().split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

test("a closed month refuses a back-dated entry, and its printed report keeps its final seal", async ({
  page,
  request,
  baseURL,
}) => {
  // Two months ago is closed whatever today's date (the grace period ends on the 5th of the next month).
  const closed = monthsAgo(2);
  const cps = (await (await request.get("/api/open/groups/ratu-damai/checkpoints.json")).json()).checkpoints as {
    month: string;
    seq: number;
    seal: string;
    closed: boolean;
  }[];
  const kept = cps.find((c) => c.month === closed)!;
  expect(kept.closed).toBe(true);
  expect(cps.at(-1)!.closed).toBe(false); // this month runs

  await signInApi(request, baseURL!, "bendahara-rd", "demo-bendahara-ratu-damai");
  const refused = await mutate(request, baseURL!, "admin.cash.expense", {
    groupSlug: "ratu-damai",
    amount: 10_000,
    date: `${closed}-15`,
    category: "lainnya",
    idempotencyKey: `e2e-month-closed-${Date.now()}`,
  });
  expect(refused.ok()).toBe(false);
  expect(await refused.text()).toContain("month_closed");

  // The notice-board report: final, with the same seal as before the attempt.
  await page.goto(`/kelompok/ratu-damai/laporan/${closed}`);
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("sementara");
  await expect(page.locator("section.seal .seal-code")).toHaveText(kept.seal);
  const after = (await (await request.get("/api/open/groups/ratu-damai/checkpoints.json")).json()).checkpoints as {
    month: string;
    seq: number;
  }[];
  expect(after.find((c) => c.month === closed)!.seq).toBe(kept.seq);
});
