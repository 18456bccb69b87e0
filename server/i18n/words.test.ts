import { describe, expect, it } from "vitest";
import { rupiahInWords } from "./words";

describe("a rupiah amount in words", () => {
  it("reads as on a kuitansi, in Indonesian", () => {
    expect(rupiahInWords(0, "id")).toBe("nol rupiah");
    expect(rupiahInWords(2_000, "id")).toBe("dua ribu rupiah");
    expect(rupiahInWords(1_000, "id")).toBe("seribu rupiah");
    expect(rupiahInWords(115, "id")).toBe("seratus lima belas rupiah");
    expect(rupiahInWords(11_011, "id")).toBe("sebelas ribu sebelas rupiah");
    expect(rupiahInWords(36_790_362, "id")).toBe(
      "tiga puluh enam juta tujuh ratus sembilan puluh ribu tiga ratus enam puluh dua rupiah",
    );
    expect(rupiahInWords(900_000_000, "id")).toBe("sembilan ratus juta rupiah");
    expect(rupiahInWords(1_001_000, "id")).toBe("satu juta seribu rupiah");
  });

  it("and in English", () => {
    expect(rupiahInWords(2_000, "en")).toBe("two thousand rupiah");
    expect(rupiahInWords(36_790_362, "en")).toBe(
      "thirty-six million seven hundred ninety thousand three hundred sixty-two rupiah",
    );
    expect(rupiahInWords(1_000_000_000, "en")).toBe("one billion rupiah");
  });
});
