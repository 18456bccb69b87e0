import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { maskPhone, normalizePhone, whatsappLink } from "./phone";

describe("a member's phone number", () => {
  it.each([
    ["0812-3456-7890", "6281234567890"],
    ["0812 3456 7890", "6281234567890"],
    ["+62 812 3456 7890", "6281234567890"],
    ["+62 (0)812-3456-7890", "6281234567890"],
    ["62812-3456-7890", "6281234567890"],
    ["6281234567890", "6281234567890"],
    ["812 3456 7890", "6281234567890"],
    ["0812.345.678", "62812345678"],
    [" 0813 3940 1122 ", "6281339401122"],
  ])("%s is kept as %s", (raw, stored) => {
    expect(normalizePhone(raw)).toBe(stored);
  });

  it.each([
    ["", "empty"],
    ["0812-3456-789x", "a letter"],
    ["+61 412 345 678", "another country's code"],
    ["0380 821 234", "a landline (no WhatsApp)"],
    ["0812 345", "too short"],
    ["0812 3456 7890 1234", "too long"],
    ["08++12345678", "a stray plus"],
    ["62 812 3456 7890; 62 813 0000 0000", "two numbers"],
  ])("%s is refused as phone_invalid (%s)", (raw) => {
    let err: unknown;
    try {
      normalizePhone(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("phone_invalid");
    expect((err as DomainError).field).toBe("phone");
  });

  it("is shown masked: the start and the last four digits, never the whole number", () => {
    expect(maskPhone("6281234567890")).toBe("62812****7890");
    expect(maskPhone("62812345678")).toBe("62812**5678");
    expect(maskPhone("6281234567890")).not.toContain("3456");
  });

  it("opens WhatsApp to her number with the text, or the plain share without one", () => {
    expect(whatsappLink("6281234567890", "Kuitansi no. 5 & sisa")).toBe(
      "https://wa.me/6281234567890?text=Kuitansi%20no.%205%20%26%20sisa",
    );
    expect(whatsappLink(null, "a b")).toBe("https://wa.me/?text=a%20b");
    // Anything not in the stored form is never put in the link's path.
    expect(whatsappLink("../evil", "x")).toBe("https://wa.me/?text=x");
  });
});
