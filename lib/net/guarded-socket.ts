import { connect, type Socket } from "node:net";
import { outboundPolicy } from "./default-policy";
import { resolveDestination, type TOutboundPolicy } from "./outbound-policy";

/**
 * A TCP connection to `host:port` through the outbound policy, for transports that are not HTTP
 * (SMTP). Connects to the checked address itself, so the name is never resolved twice; TLS, when
 * the protocol wants it, is layered on this socket by the caller with the host name as servername.
 */
export async function guardedConnect(
  host: string,
  port: number,
  options: { timeoutMs?: number; policy?: TOutboundPolicy } = {},
): Promise<Socket> {
  const [first] = await resolveDestination(options.policy ?? outboundPolicy(), host, port);
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host: first!.address, port, family: first!.family });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        Object.assign(new Error(`connection to ${host}:${port} timed out`), { code: "ETIMEDOUT" }),
      );
    }, options.timeoutMs ?? 20_000);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/**
 * nodemailer's `getSocket` hook: every pooled SMTP connection is opened by guardedConnect. An
 * error here (a refused destination) fails the send like any connection error.
 */
export function nodemailerGuardedSocket(
  options: { timeoutMs?: number; policy?: TOutboundPolicy } = {},
) {
  return (
    target: { host?: string; port?: number },
    callback: (err: Error | null, socketOptions?: { connection: Socket }) => void,
  ) => {
    guardedConnect(target.host ?? "localhost", target.port ?? 25, options).then(
      (connection) => callback(null, { connection }),
      (err: Error) => callback(err),
    );
  };
}
