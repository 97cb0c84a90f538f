import { createSign, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { snsStringToSign, type TSnsEnvelope } from "../sns/verify-sns-message";

// A minimal DER writer: enough for one self-signed X.509 certificate (node:crypto reads
// certificates but does not make them).
const len = (n: number) =>
  n < 128
    ? Buffer.from([n])
    : (() => {
        const bytes: number[] = [];
        for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
        return Buffer.from([0x80 | bytes.length, ...bytes]);
      })();
const tlv = (tag: number, content: Buffer) =>
  Buffer.concat([Buffer.from([tag]), len(content.length), content]);
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const int = (n: number) => tlv(0x02, Buffer.from([n & 0x7f]));
function oid(dotted: string) {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const out = [40 * a! + b!];
  for (const n of rest) {
    const groups: number[] = [];
    let v = n;
    do {
      groups.unshift(v & 0x7f);
      v >>= 7;
    } while (v > 0);
    out.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return tlv(0x06, Buffer.from(out));
}
const utcTime = (d: Date) =>
  tlv(0x17, Buffer.from(d.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z"));
const name = (cn: string) => seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0c, Buffer.from(cn)))));

/** A self-signed RSA certificate (SHA256withRSA) standing in for SNS's signing certificate. */
export function makeSigningCertificate(commonName = "sns.amazonaws.com") {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const alg = seq(oid("1.2.840.113549.1.1.11"), Buffer.from([0x05, 0x00]));
  const now = Date.now();
  const tbs = seq(
    tlv(0xa0, int(2)),
    int(1),
    alg,
    name(commonName),
    seq(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 365 * 86_400_000))),
    name(commonName),
    publicKey.export({ type: "spki", format: "der" }),
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = seq(tbs, alg, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const pem = `-----BEGIN CERTIFICATE-----\n${der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .trim()}\n-----END CERTIFICATE-----\n`;
  return { pem, privateKey };
}

/** A loopback server for the certificate and the SubscribeURL, counting confirmations. */
export async function startSnsCertServer(pem: string) {
  const confirmations: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.endsWith(".pem")) {
      res.writeHead(200, { "content-type": "application/x-pem-file" });
      res.end(pem);
      return;
    }
    if (req.url?.includes("Action=ConfirmSubscription")) {
      confirmations.push(req.url);
      res.writeHead(200, { "content-type": "text/xml" });
      res.end("<ConfirmSubscriptionResponse/>");
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    certUrl: `${origin}/SimpleNotificationService-test.pem`,
    confirmations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SNS delivery signed as SNS signs it (v1 SHA1withRSA or v2 SHA256withRSA). */
export function signedSnsMessage(
  privateKey: KeyObject,
  certUrl: string,
  fields: Partial<TSnsEnvelope> & { Message: string },
  version: "1" | "2" = "2",
): TSnsEnvelope {
  const m: TSnsEnvelope = {
    Type: "Notification",
    MessageId: randomUUID(),
    TopicArn: "arn:aws:sns:us-east-1:123456789012:ses-feedback",
    Timestamp: new Date().toISOString(),
    SignatureVersion: version,
    Signature: "",
    SigningCertURL: certUrl,
    ...fields,
  };
  const signer = createSign(version === "1" ? "RSA-SHA1" : "RSA-SHA256");
  signer.update(snsStringToSign(m), "utf8");
  return { ...m, Signature: signer.sign(privateKey, "base64") };
}

/** An SES bounce notification for `email`, naming Waymark's message by its Message-ID header. */
export function sesBounce(email: string, opts: { permanent?: boolean; messageId?: string } = {}) {
  return JSON.stringify({
    notificationType: "Bounce",
    bounce: {
      bounceType: opts.permanent === false ? "Transient" : "Permanent",
      bounceSubType: opts.permanent === false ? "MailboxFull" : "General",
      bouncedRecipients: [
        {
          emailAddress: email,
          action: "failed",
          status: "5.1.1",
          diagnosticCode: "smtp; 550 5.1.1 user unknown",
        },
      ],
      timestamp: new Date().toISOString(),
      feedbackId: randomUUID(),
    },
    mail: {
      timestamp: new Date().toISOString(),
      messageId: `0100018c-${randomUUID()}`,
      source: "hello@acme.test",
      destination: [email],
      commonHeaders: opts.messageId ? { messageId: `<${opts.messageId}@acme.test>` } : {},
    },
  });
}
