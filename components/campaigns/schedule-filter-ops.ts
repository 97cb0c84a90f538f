/** The filter operators the short editor offers; the API takes every segment operator. */
export const FILTER_OPS = [
  { value: "equals", type: "string" },
  { value: "not_equals", type: "string" },
  { value: "eq", type: "number" },
  { value: "gte", type: "number" },
  { value: "lte", type: "number" },
] as const;
