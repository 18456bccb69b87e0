import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "./commands";

/** Every mutation of the API hands its verb to the writer, and every such verb is a command the writer thread knows. */
describe("the writer's commands", () => {
  const router = readFileSync(path.join(process.cwd(), "server", "api", "routers", "admin.ts"), "utf8");
  const mutations = router.match(/\.mutation\(/g)?.length ?? 0;
  const written = [...router.matchAll(/ctx\.write\((\w+),/g)].map((m) => m[1]!);

  it("every mutation runs its verb through ctx.write", () => {
    expect(mutations).toBeGreaterThan(20);
    expect(written).toHaveLength(mutations);
  });

  it("every verb a mutation writes with is a command of the writer thread", () => {
    const names = new Set(Object.keys(COMMANDS));
    for (const verb of written) expect(names.has(verb), verb).toBe(true);
  });
});
