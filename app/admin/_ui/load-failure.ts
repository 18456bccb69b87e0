import { explain, noAnswer } from "./client";

/**
 * What a screen says when its data could not be read: with no answer from the server (no signal,
 * and nothing kept on the phone) the no-signal sentence, else the server's own reason. Never an
 * endless "…".
 */
export function loadFailure(e: unknown, locale: "id" | "en", noSignal: string): string {
  return noAnswer(e) ? noSignal : explain(e, locale).message;
}
