import { DEFINITIONS_FORMAT } from "../definitions-format";

/**
 * A small definitions file that uses every kind of reference: a segment naming another, a journey
 * entered by a segment and sending a template, a campaign to a segment with a template. The
 * tests import it; docs/definitions-files.md shows the same shape.
 */
export function sampleDefinitions() {
  return {
    format: DEFINITIONS_FORMAT,
    schemaVersion: 1,
    templates: [
      {
        name: "Welcome SMS",
        channel: "sms",
        content: { channel: "sms", body: 'Hi {{ contact.firstName | default: "there" }}' },
      },
    ],
    segments: [
      {
        name: "iPhone VIPs",
        description: "VIPs on iOS",
        type: "dynamic",
        definition: {
          kind: "group",
          match: "all",
          conditions: [{ kind: "segment", segmentName: "iPhone users", in: true }],
        },
      },
      {
        name: "iPhone users",
        description: "",
        type: "dynamic",
        definition: {
          kind: "group",
          match: "all",
          conditions: [{ kind: "device", platform: "ios" }],
        },
      },
    ],
    journeys: [
      {
        name: "Welcome",
        graph: {
          nodes: [
            {
              id: "t",
              type: "trigger",
              position: { x: 0, y: 0 },
              data: { kind: "segment_entered", segmentName: "iPhone VIPs" },
            },
            {
              id: "s",
              type: "send",
              position: { x: 0, y: 120 },
              data: { channel: "sms", templateName: "Welcome SMS" },
            },
            { id: "x", type: "exit", position: { x: 0, y: 240 }, data: {} },
          ],
          edges: [
            { id: "t:next->s", source: "t", sourceHandle: null, target: "s" },
            { id: "s:next->x", source: "s", sourceHandle: null, target: "x" },
          ],
        },
        settings: {},
      },
    ],
    campaigns: [
      {
        name: "Spring hello",
        settings: {
          audience: { kind: "segment", segmentName: "iPhone users" },
          channel: "sms",
          treatments: [{ label: "A", templateName: "Welcome SMS", percent: 100 }],
          holdoutPercent: 0,
          schedule: { kind: "local_time", date: "2027-04-01", time: "09:00" },
          limits: {},
          conversion: null,
        },
      },
    ],
  };
}
