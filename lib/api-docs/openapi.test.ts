import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./openapi";

describe("OpenAPI document", () => {
  const doc = buildOpenApi();

  it("describes every public endpoint", () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/alias",
      "/batch",
      "/contacts/{userId}",
      "/group",
      "/identify",
      "/me",
      "/messages",
      "/messages/{messageId}",
      "/otp",
      "/otp/verify",
      "/page",
      "/screen",
      "/stream/exports",
      "/stream/exports/{destinationId}/{file}",
      "/track",
      "/v1/apps/{ApplicationId}/endpoints",
      "/v1/apps/{ApplicationId}/endpoints/{EndpointId}",
      "/v1/apps/{ApplicationId}/events",
      "/v1/apps/{ApplicationId}/users/{UserId}",
    ]);
    // The Pinpoint routes name their own server and signature.
    expect(doc.paths["/v1/apps/{ApplicationId}/events"].servers).toEqual([
      { url: "/api/pinpoint" },
    ]);
  });

  it("is generated from the validation schemas, unknown fields included", () => {
    const track = doc.paths["/track"].post.requestBody.content["application/json"].schema as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(track.required).toEqual(["event"]);
    expect(track.additionalProperties).toBe(false);
    expect(Object.keys(track.properties)).toEqual(
      expect.arrayContaining([
        "userId",
        "anonymousId",
        "event",
        "properties",
        "timestamp",
        "messageId",
        "context",
      ]),
    );
    const identify = doc.paths["/identify"].post.requestBody.content["application/json"].schema as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(identify.properties)).toEqual(
      expect.arrayContaining([
        "traits",
        "email",
        "phone",
        "attributes",
        "pushTokens",
        "subscriptions",
        "timezone",
      ]),
    );
  });

  it("serialises to JSON", () => {
    expect(() => JSON.parse(JSON.stringify(doc))).not.toThrow();
  });

  it("describes the transactional and OTP bodies from their schemas", () => {
    const send = doc.paths["/messages"].post.requestBody.content["application/json"].schema as {
      properties: Record<string, { maxItems?: number }>;
      required: string[];
    };
    expect(send.required).toEqual(expect.arrayContaining(["channel", "recipients"]));
    expect(send.properties.recipients!.maxItems).toBe(1000);
    const otp = doc.paths["/otp"].post.requestBody.content["application/json"].schema as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(otp.properties)).toEqual(
      expect.arrayContaining(["channel", "destination", "brandName", "codeLength", "referenceId"]),
    );
  });
});
