import type { TSendChannel } from "@/lib/channels/types";

/** Lists the side panel offers: the workspace's templates, segments, event names and attributes. */
export type TEditorOptions = {
  templates: { id: string; name: string; channel: TSendChannel; publishedVersion: number }[];
  segments: { id: string; name: string }[];
  eventNames: string[];
  attributeKeys: string[];
  /** Send steps of this journey, for engagement conditions. */
  sendNodes: { id: string; label: string }[];
};

export type TFormProps = {
  nodeId: string;
  data: Record<string, unknown>;
  /** `key` names the field being typed into, so keystrokes coalesce into one undo step. */
  set: (data: Record<string, unknown>, key?: string) => void;
  disabled: boolean;
  options: TEditorOptions;
  /** Publish errors by field path inside the node's data (`event`, `filters.0.value`). */
  fieldErrors: Record<string, string>;
};

export const EVENTS_LIST = "journey-event-names";
export const ATTRIBUTES_LIST = "journey-attribute-keys";
