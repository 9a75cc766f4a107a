import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { Graph } from '../../../core/graph/graph.schema.ts';
import type { NodeTypeInfo } from '../../../core/graph/node-catalog.ts';
import type { GraphIssue, Step, TestRunResult, Workflow, WorkflowSummary } from '../api/workflows.api.ts';
import type { RuleFlowEdge, RuleFlowNode } from '../canvas/graph-flow.mapper.ts';
import type { ConnectionRefusal } from '../canvas/connection-rules.ts';
import type { History } from './editor-history.util.ts';
import type { CanvasActions } from './editor-canvas.actions.ts';

/** The rule editor's state; see `createEditorStore`. */
export interface EditorState {
  workflowId: string;
  name: string;
  meta: WorkflowSummary | null;
  nodeTypes: Record<string, NodeTypeInfo>;
  nodes: RuleFlowNode[];
  edges: RuleFlowEdge[];
  selectedNodeId: string | null;
  dirty: boolean;
  /** Bumped on every change, so a save knows whether edits happened while it was in flight. */
  revision: number;
  history: History;
  testRun: TestRunResult | null;
  stepsByNode: Record<string, Step>;
  serverIssues: GraphIssue[];
  publishIssues: GraphIssue[];
  clientIssues: GraphIssue[];
  issues: GraphIssue[];
  nodeIssues: Record<string, GraphIssue[]>;
  problemsOpen: boolean;
  /** The editor has validated the graph itself: the server's structural issues are stale. */
  clientChecked: boolean;
}

export interface EditorActions {
  load(workflow: Workflow): void;
  setNodeTypes(nodes: NodeTypeInfo[]): void;
  infoOf(nodeId: string): NodeTypeInfo | undefined;
  onNodesChange(changes: NodeChange<RuleFlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<RuleFlowEdge>[]): void;
  /** Records an undo step before a drag moves nodes. */
  beginDrag(): void;
  connect(connection: Connection): ConnectionRefusal | null;
  canConnect(connection: Connection | RuleFlowEdge): ConnectionRefusal | null;
  addNode(info: NodeTypeInfo, position: XYPosition, connectFrom?: string | null): string;
  updateNodeProps(id: string, props: Record<string, unknown>): void;
  setNodeLabel(id: string, label: string): void;
  removeNode(id: string): void;
  selectNode(id: string | null): void;
  undo(): void;
  redo(): void;
  setName(name: string): void;
  toGraph(): Graph;
  /** After a successful save of the state at `revision`. */
  markSaved(workflow: Workflow, revision: number): void;
  setMeta(meta: WorkflowSummary): void;
  setServerValidation(workflow: Workflow): void;
  setPublishIssues(issues: GraphIssue[]): void;
  setClientIssues(issues: GraphIssue[]): void;
  setTestRun(result: TestRunResult | null): void;
  setProblemsOpen(open: boolean): void;
}

export type EditorStore = EditorState & EditorActions & CanvasActions;
