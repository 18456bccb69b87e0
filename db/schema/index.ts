export * from "./groups";
export * from "./ledger";
export * from "./rollups";
export * from "./reference-terms";
export * from "./throttle";
export * from "./users";
export * from "./year-close";
export * from "./lending";
