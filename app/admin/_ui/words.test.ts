import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/server/i18n/messages";
import { adminWords, wordsOf } from "./words";

describe("the treasurer screens' word tables, picked on the server", () => {
  for (const locale of ["id", "en"] as const) {
    it(`are the portal's own words in ${locale}, as plain data that survives the trip to the browser`, () => {
      const m = MESSAGES[locale];
      const data = adminWords(m);
      const words = wordsOf(JSON.parse(JSON.stringify(data)));
      expect(words.queriedBySupervisor("salah tanggal")).toBe(m.queriedBySupervisor("salah tanggal"));
      expect(words.categories).toEqual(m.categories);
      expect(words.kinds).toEqual(m.kinds);
      expect(words.shu.pools).toEqual(m.shu.pools);
      expect(words.privateNote).toBe(m.privateNote);
    });
  }
});
