import type { Messages } from "@/server/i18n/messages";

/**
 * The few tables of the portal's words the treasurer screens show (entry kinds, categories, loan
 * purposes and statuses, correction and query reasons, SHU pools), in the user's language only:
 * picked on the server (app/admin/page.tsx) and handed to the screens through WordsProvider, so
 * the app's script carries neither the public pages' messages nor the other language's.
 */
export type AdminWords = Pick<
  Messages,
  | "categories"
  | "privateNote"
  | "kinds"
  | "reasons"
  | "queryAnswers"
  | "queryReasons"
  | "queriedBySupervisor"
  | "purposes"
  | "statuses"
  | "countReplaceReasons"
> & { shu: { pools: Messages["shu"]["pools"] } };

/** AdminWords as data (what a server component may pass to the client): the one sentence as its two sides. */
export type AdminWordsData = Omit<AdminWords, "queriedBySupervisor"> & { queriedBySupervisor: [string, string] };

const HOLE = "\u0000";

/** On the server: the user's language's tables, as plain data. */
export function adminWords(m: Messages): AdminWordsData {
  const [before = "", after = ""] = m.queriedBySupervisor(HOLE).split(HOLE);
  return {
    categories: m.categories,
    privateNote: m.privateNote,
    kinds: m.kinds,
    reasons: m.reasons,
    queryAnswers: m.queryAnswers,
    queryReasons: m.queryReasons,
    queriedBySupervisor: [before, after],
    purposes: m.purposes,
    statuses: m.statuses,
    countReplaceReasons: m.countReplaceReasons,
    shu: { pools: m.shu.pools },
  };
}

/** In the browser: the tables as the screens use them. */
export function wordsOf(data: AdminWordsData): AdminWords {
  const [before, after] = data.queriedBySupervisor;
  return { ...data, queriedBySupervisor: (reason: string) => `${before}${reason}${after}` };
}
