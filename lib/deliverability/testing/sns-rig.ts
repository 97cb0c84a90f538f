import { afterAll, beforeAll } from "vitest";
import { startAwsSink, type TAwsSink } from "@/lib/channels/testing/aws-sink";
import { makeSigningCertificate, startSnsCertServer } from "./sns-fixtures";

export type TSnsRig = {
  cert: ReturnType<typeof makeSigningCertificate>;
  certServer: Awaited<ReturnType<typeof startSnsCertServer>>;
  aws: TAwsSink;
};

/**
 * What a test file of SNS-delivered feedback needs beside its database, made before its tests and
 * closed after: a signing certificate served on loopback (as SNS serves its own) and a loopback
 * AWS that checks SigV4 (SES and End User Messaging sends). Read the fields inside tests.
 */
export function snsRig(): TSnsRig {
  const rig = {} as TSnsRig;
  beforeAll(async () => {
    rig.cert = makeSigningCertificate();
    rig.certServer = await startSnsCertServer(rig.cert.pem);
    rig.aws = await startAwsSink();
  });
  afterAll(async () => {
    await rig.aws.close();
    await rig.certServer.close();
  });
  return rig;
}
