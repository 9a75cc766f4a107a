import { z } from 'zod';

/**
 * The persisted workflow graph (DESIGN.md §5). Shared by the server and the editor; pure.
 */
export const GRAPH_SCHEMA_VERSION = 1;

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const graphNodeSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.string().min(1).max(128),
  version: z.number().int().positive(),
  position: positionSchema,
  props: z.record(z.string(), z.unknown()).default({}),
  /** Optional label the user gave the node; the palette title is used otherwise. */
  label: z.string().max(200).optional(),
});

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(64),
  source: z.string().min(1),
  sourceHandle: z.string().min(1).default('out'),
  target: z.string().min(1),
  targetHandle: z.string().min(1).default('in'),
});

export const graphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(graphNodeSchema).max(500),
  edges: z.array(graphEdgeSchema).max(2000),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type Graph = z.infer<typeof graphSchema>;

export const emptyGraph = (): Graph => ({ schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] });
