/** Reading and erasing one contact by its userId, and checking an API key. */
export function contactPaths(error: object) {
  return {
    "/contacts/{userId}": {
      parameters: [{ name: "userId", in: "path", required: true, schema: { type: "string" } }],
      get: {
        summary: "Read a contact",
        responses: {
          "200": {
            description: "The contact with its channels, opt-in state, devices and attributes",
          },
          "401": { description: "Bad key", content: { "application/json": { schema: error } } },
          "404": {
            description: "No such contact in this workspace",
            content: { "application/json": { schema: error } },
          },
        },
      },
      delete: {
        summary: "Erase a contact and all its data",
        description:
          "Right to erasure: the contact, its events, anonymous ids, devices and channel choices.",
        responses: {
          "204": { description: "Erased" },
          "404": {
            description: "No such contact in this workspace",
            content: { "application/json": { schema: error } },
          },
        },
      },
    },
    "/me": {
      get: {
        summary: "Check an API key",
        responses: {
          "200": { description: "The workspace the key writes to" },
          "401": { description: "Bad key", content: { "application/json": { schema: error } } },
        },
      },
    },
  };
}
