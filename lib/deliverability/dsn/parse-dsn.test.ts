import { describe, expect, it } from "vitest";
import { dsnOutcome, parseDsn } from "./parse-dsn";

const postfix = [
  "Return-Path: <>",
  "From: MAILER-DAEMON@mx.acme.test (Mail Delivery System)",
  "Subject: Undelivered Mail Returned to Sender",
  "To: bounces+0f8fad5b-d9cb-469f-a165-70867728950e@mail.acme.test",
  "Message-Id: <20261207000000.ABC@mx.acme.test>",
  "MIME-Version: 1.0",
  "Content-Type: multipart/report; report-type=delivery-status;",
  ' boundary="ABC.1765065600/mx.acme.test"',
  "",
  "This is a MIME-encapsulated message.",
  "",
  "--ABC.1765065600/mx.acme.test",
  "Content-Description: Notification",
  "Content-Type: text/plain; charset=us-ascii",
  "",
  "I'm sorry to have to inform you that your message could not be delivered.",
  "",
  "--ABC.1765065600/mx.acme.test",
  "Content-Description: Delivery report",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; mx.acme.test",
  "X-Postfix-Queue-ID: ABC",
  "Arrival-Date: Mon,  7 Dec 2026 00:00:00 +0000 (UTC)",
  "",
  "Final-Recipient: rfc822; gone@example.com",
  "Original-Recipient: rfc822;Gone@Example.com",
  "Action: failed",
  "Status: 5.1.1",
  "Remote-MTA: dns; mx.example.com",
  "Diagnostic-Code: smtp; 550 5.1.1 <gone@example.com>: Recipient address",
  "    rejected: User unknown",
  "",
  "Final-Recipient: rfc822; full@example.com",
  "Action: delayed",
  "Status: 4.2.2",
  "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full",
  "",
  "Final-Recipient: rfc822; later@example.com",
  "Action: failed",
  "Status: 4.4.7",
  "",
  "--ABC.1765065600/mx.acme.test",
  "Content-Description: Undelivered Message Headers",
  "Content-Type: text/rfc822-headers",
  "",
  "From: hello@acme.test",
  "To: gone@example.com",
  "Message-ID: <0f8fad5b-d9cb-469f-a165-70867728950e@acme.test>",
  "Subject: Spring sale",
  "",
  "--ABC.1765065600/mx.acme.test--",
  "",
].join("\r\n");

describe("parseDsn (RFC 3464)", () => {
  it("reads each recipient's action, status and folded diagnostic, the VERP address and the original Message-ID", () => {
    const dsn = parseDsn(postfix)!;
    expect(dsn.to).toBe("bounces+0f8fad5b-d9cb-469f-a165-70867728950e@mail.acme.test");
    expect(dsn.reportingMta).toBe("mx.acme.test");
    expect(dsn.originalMessageId).toBe("<0f8fad5b-d9cb-469f-a165-70867728950e@acme.test>");
    expect(dsn.dsnMessageId).toBe("<20261207000000.ABC@mx.acme.test>");
    expect(dsn.recipients).toEqual([
      {
        finalRecipient: "gone@example.com",
        originalRecipient: "Gone@Example.com",
        action: "failed",
        status: "5.1.1",
        diagnosticCode:
          "smtp; 550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown",
      },
      {
        finalRecipient: "full@example.com",
        originalRecipient: null,
        action: "delayed",
        status: "4.2.2",
        diagnosticCode: "smtp; 452 4.2.2 Mailbox full",
      },
      {
        finalRecipient: "later@example.com",
        originalRecipient: null,
        action: "failed",
        status: "4.4.7",
        diagnosticCode: null,
      },
    ]);
    expect(dsn.recipients.map(dsnOutcome)).toEqual(["hard_bounce", "delayed", "soft_bounce"]);
  });

  it("opens a report nested in a multipart/mixed and an unquoted boundary", () => {
    const nested = [
      "Content-Type: multipart/report; report-type=delivery-status; boundary=inner",
      "",
      "--inner",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.test",
      "",
      "Final-Recipient: RFC822; <a@b.test>",
      "Action: Failed",
      "Status: 5.0.0 (permanent failure)",
      "",
      "--inner--",
    ].join("\n");
    const dsn = parseDsn(nested)!;
    expect(dsn.recipients).toMatchObject([
      { finalRecipient: "a@b.test", action: "failed", status: "5.0.0" },
    ]);
    expect(dsn.originalMessageId).toBeNull();
  });

  it("refuses what is not a delivery-status report", () => {
    expect(parseDsn("From: a@b.test\r\nContent-Type: text/plain\r\n\r\nOut of office")).toBeNull();
    expect(
      parseDsn(
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="x"\n\n--x\nContent-Type: message/disposition-notification\n\nDisposition: manual-action/MDN-sent-manually; displayed\n--x--',
      ),
    ).toBeNull();
    // A report whose status part names no recipient is not a bounce either.
    expect(
      parseDsn(
        'Content-Type: multipart/report; report-type=delivery-status; boundary="x"\n\n--x\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx\n--x--',
      ),
    ).toBeNull();
  });
});
