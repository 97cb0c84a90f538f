/**
 * Local stand-ins for every provider, for manual development and e2e runs:
 *
 *   npx tsx lib/channels/testing/run-sinks.ts --smtp-port 2525 --http-port 4010 [--h2c-port 4011] [--smtp-user u --smtp-pass p]
 *
 * Point SMTP at 127.0.0.1:2525 (secure off); Twilio's and FCM's base URL, FCM's token_uri
 * (`http://127.0.0.1:4010/token`) and webhooks at the HTTP sink; APNs' base URL at the h2c sink.
 * Every mail and request received is printed to stdout as one JSON line:
 * `{"sink":"smtp",…}`, `{"sink":"http",…}`, `{"sink":"h2c",…}`. Stops on SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { fakeProviderResponder } from "./fake-provider-responder";
import { startH2cSink } from "./h2c-sink";
import { startHttpSink, type TRecordedRequest } from "./http-sink";
import { startSmtpSink } from "./smtp-sink";

const { values } = parseArgs({
  options: {
    "smtp-port": { type: "string", default: "2525" },
    "http-port": { type: "string", default: "4010" },
    "h2c-port": { type: "string" },
    "smtp-user": { type: "string" },
    "smtp-pass": { type: "string" },
    host: { type: "string", default: "127.0.0.1" },
  },
});

const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const printRequest = (sink: string) => (r: TRecordedRequest) =>
  print({
    sink,
    at: r.receivedAt.toISOString(),
    method: r.method,
    path: r.path,
    headers: r.headers,
    body: r.body,
  });

async function main() {
  const user = values["smtp-user"];
  const smtp = await startSmtpSink({
    host: values.host,
    port: Number(values["smtp-port"]),
    auth: user ? { user, pass: values["smtp-pass"] ?? "" } : undefined,
    onMail: (m) =>
      print({
        sink: "smtp",
        at: new Date().toISOString(),
        from: m.from,
        to: m.to,
        subject: m.subject,
        headers: m.headers,
        text: m.text,
        html: m.html,
      }),
  });
  const http = await startHttpSink({
    host: values.host,
    port: Number(values["http-port"]),
    respond: fakeProviderResponder,
    onRequest: printRequest("http"),
  });
  const h2c = values["h2c-port"]
    ? await startH2cSink({
        host: values.host,
        port: Number(values["h2c-port"]),
        respond: () => ({ status: 200 }),
        onRequest: printRequest("h2c"),
      })
    : undefined;
  console.error(
    `sinks ready: smtp ${smtp.host}:${smtp.port}, http ${http.url}${h2c ? `, h2c ${h2c.url}` : ""}`,
  );
  const stop = async () => {
    await Promise.all([smtp.close(), http.close(), h2c?.close()]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
