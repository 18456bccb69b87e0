/**
 * `user:12:bendahara-rd` → `bendahara-rd`; `demo:bendahara-ratu-damai` → as it is. On its own (not in
 * audit.ts, which reads the portal's messages) so the treasurer app's script can show it lightly.
 */
export const actorName = (actor: string) => actor.replace(/^user:\d+:/, "");
