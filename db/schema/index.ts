export * from "./users";
export * from "./workspaces";
export * from "./invites";
export * from "./api-keys";
export * from "./contacts";
export * from "./imports";
export * from "./segments";
export * from "./executor";
