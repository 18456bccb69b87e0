"use client";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type AdminWords, type AdminWordsData, wordsOf } from "./words";

const WordsContext = createContext<AdminWords | null>(null);

/** Hands the user's language's word tables (picked on the server) to every treasurer screen below. */
export function WordsProvider({ words, children }: { words: AdminWordsData; children: ReactNode }) {
  const value = useMemo(() => wordsOf(words), [words]);
  return <WordsContext.Provider value={value}>{children}</WordsContext.Provider>;
}

/** The word tables of the signed-in user's language. */
export function useWords(): AdminWords {
  const words = useContext(WordsContext);
  if (!words) throw new Error("useWords outside WordsProvider");
  return words;
}
