/**
 * The order of `npm run demo`, apart from what each step does so it can be tested on its own:
 * the seed and the build start together (they do not depend on each other), the portal is served
 * once both are done, and the sign-ins and first things to try are printed only after the first
 * page has answered — never while the newcomer would still get "connection refused".
 */
export interface DemoSteps {
  /** Writes the demo data when the database is empty (prints its own progress). */
  seed(): Promise<void>;
  /** Builds the portal, or resolves at once when a build is there. */
  build(): Promise<void>;
  /** Starts serving; resolves once the server is listening. */
  serve(): Promise<void>;
  /** Resolves once the home page answers 200. */
  firstPageAnswers(): Promise<void>;
  /** Prints where the portal is, the demo sign-ins and what to try first. */
  announce(): void | Promise<void>;
}

export async function launchDemo(steps: DemoSteps): Promise<void> {
  const building = steps.build();
  const seeding = steps.seed();
  // Both run; if one fails the other is still awaited so its output is not cut off mid-line.
  const [built, seeded] = await Promise.allSettled([building, seeding]);
  if (built.status === "rejected") throw built.reason;
  if (seeded.status === "rejected") throw seeded.reason;
  await steps.serve();
  await steps.firstPageAnswers();
  await steps.announce();
}

export interface ReadyMessageInput {
  baseUrl: string;
  users: readonly { username: string; password: string; role: string; groupSlugs: readonly string[] }[];
  passbook: { groupSlug: string; groupName: string; memberCode: string; checkCode: string } | null;
}

/** What the newcomer reads once the portal answers, in Indonesian and English. */
export function readyMessage({ baseUrl, users, passbook }: ReadyMessageInput): string {
  const treasurer = users.find((u) => u.role === "bendahara" && passbook && u.groupSlugs.includes(passbook.groupSlug));
  const lines = ["", `Kas Terbuka siap / is ready: ${baseUrl}   (DATA DEMO / DEMO DATA)`, "", "Coba dulu / Try first:"];
  if (passbook) {
    lines.push(`  Halaman kelompok / a group's page   ${baseUrl}/kelompok/${passbook.groupSlug}`);
    lines.push(
      `  Buku anggota / a member's passbook  ${baseUrl}/anggota  →  ${passbook.groupName}, kode anggota / member code ${passbook.memberCode}, kode cek / check code ${passbook.checkCode}`,
    );
  }
  if (treasurer)
    lines.push(
      `  Layar bendahara / treasurer screen  ${baseUrl}/masuk  →  ${treasurer.username} / ${treasurer.password}`,
    );
  lines.push("", "Semua akun demo / every demo sign-in (hanya demo / demo only):");
  for (const u of users)
    lines.push(`  ${u.role.padEnd(9)} ${u.username.padEnd(13)} ${u.password.padEnd(28)} ${u.groupSlugs.join(", ")}`);
  lines.push("", "Berhenti / stop: Ctrl+C", "");
  return lines.join("\n");
}
