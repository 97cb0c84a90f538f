/** LIKE patterns that match user text literally (its `%`, `_` and `\` escaped), for db/queries. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Strings that start with `prefix`. */
export const likePrefix = (prefix: string) => `${escapeLike(prefix)}%`;

/** Strings that contain `part`. */
export const likeContains = (part: string) => `%${escapeLike(part)}%`;
