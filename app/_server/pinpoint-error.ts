import { randomUUID } from "node:crypto";
import { databaseFailure, describeDatabaseError } from "@/db/unavailable";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";

/**
 * An error as Pinpoint answers it (restJson1): the exception's name in `x-amzn-ErrorType`, which
 * the AWS SDKs turn into the error class they throw, and `{Message, RequestID}` in the body.
 */
export function pinpointError(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const requestId = randomUUID();
  return Response.json(
    { Message: message, RequestID: requestId },
    {
      status,
      headers: { "x-amzn-errortype": type, "x-amzn-requestid": requestId, ...headers },
    },
  );
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: "BadRequestException",
  403: "ForbiddenException",
  404: "NotFoundException",
  405: "MethodNotAllowedException",
  413: "PayloadTooLargeException",
  415: "BadRequestException",
  429: "TooManyRequestsException",
};

/**
 * Any error of a Pinpoint route: expected ones keep their status under Pinpoint's exception
 * names; a database that cannot answer is a 503 with Retry-After, which the SDKs retry; anything
 * else is logged and a bare 500.
 */
export function pinpointErrorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const retry = err.details?.retryAfterSeconds;
    return pinpointError(
      err.status,
      TYPE_BY_STATUS[err.status] ?? "BadRequestException",
      err.fields
        ? Object.entries(err.fields)
            .map(([k, v]) => `${k}: ${v}`)
            .join("; ")
        : err.message,
      typeof retry === "number" ? { "retry-after": String(retry) } : {},
    );
  }
  if (databaseFailure(err)) {
    log.error("database unavailable", { err: describeDatabaseError(err) });
    return pinpointError(
      503,
      "ServiceUnavailableException",
      "The database is unavailable; retry shortly",
      {
        "retry-after": "5",
      },
    );
  }
  log.error("unexpected error", { err });
  return pinpointError(500, "InternalServerErrorException", "Something went wrong on our side");
}
