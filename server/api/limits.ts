/** At most this many calls in one tRPC batch (the server refuses more with 400; the client never sends more). */
export const MAX_BATCH_SIZE = 10;
