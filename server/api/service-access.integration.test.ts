/**
 * Who may act is checked by each verb in its own transaction, not only by the API: the whole
 * mutation matrix of admin.integration.test.ts, run again with the API's group-and-role check
 * letting everyone through as an admin of every group, must give the very same answers — every
 * refusal then comes from the verb (loadGroupFor, and the loan-rate override in disburseLoan).
 */
import { vi } from "vitest";

vi.mock("@/server/verbs/users/create-user", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/verbs/users/create-user")>()),
  canActOn: vi.fn(async () => "admin"),
}));

await import("./admin.integration.test");
