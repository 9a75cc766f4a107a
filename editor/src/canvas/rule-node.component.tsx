import type { CSSProperties } from 'react';
import { memo, useEffect, useMemo } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { Tooltip } from '@radix-ui/themes';
import { outputsOf } from '../../../core/graph/node-catalog.ts';
import { nodeTypeKey } from '../api/node-types.api.ts';
import { useEditor } from '../store/editor-store.context.tsx';
import type { RuleFlowNode } from './graph-flow.mapper.ts';
import { KIND_STYLE, STEP_STATUS_STYLE, UNKNOWN_KIND_STYLE } from './node-kind.style.ts';
import { NodeKindIcon } from './node-kind-icon.component.tsx';

function RuleNodeView({ id, data, selected }: NodeProps<RuleFlowNode>) {
  const info = useEditor((s) => s.nodeTypes[nodeTypeKey(data.type, data.version)]);
  const issues = useEditor((s) => s.nodeIssues[id]);
  const step = useEditor((s) => s.stepsByNode[id]);
  const hasTestRun = useEditor((s) => s.testRun !== null);
  const outputs = useMemo(() => (info ? outputsOf(info, data.props) : []), [info, data.props]);
  const inputs = info?.inputs ?? [];
  const portsKey = outputs.map((p) => p.id).join('|') + '/' + inputs.map((p) => p.id).join('|');
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => updateNodeInternals(id), [id, portsKey, updateNodeInternals]);

  const kind = info?.kind;
  const kindStyle = kind ? KIND_STYLE[kind] : UNKNOWN_KIND_STYLE;
  const errors = issues?.filter((i) => i.severity === 'error') ?? [];
  const warnings = issues?.filter((i) => i.severity === 'warning') ?? [];
  const title = data.label || info?.title || 'Неизвестный шаг';
  const subtitle = data.label ? (info?.title ?? kindStyle.title) : kindStyle.title;
  const status = step ? STEP_STATUS_STYLE[step.status] : null;
  const classes = ['rule-node', selected && 'selected', hasTestRun && !step && 'not-run', step && `status-${step.status}`].filter(Boolean).join(' ');

  return (
    <div
      className={classes}
      style={{ '--kind-color': kindStyle.color, '--status-color': status?.color ?? 'transparent' } as CSSProperties}
      data-testid={`node-${id}`}
      data-node-type={data.type}
      data-status={step?.status ?? ''}
      data-invalid={errors.length > 0 ? 'true' : 'false'}
    >
      {inputs.map((port, i) => (
        <Handle
          key={port.id}
          type="target"
          position={Position.Left}
          id={port.id}
          className="rule-handle target"
          style={{ top: inputs.length === 1 ? 30 : 22 + i * 16 }}
          title={port.title}
        />
      ))}
      <div className="rule-node-header">
        <NodeKindIcon kind={kind} info={info} />
        <div className="rule-node-titles">
          <div className="rule-node-title" title={title}>
            {title}
          </div>
          {/* During a test run the status takes the subtitle's line: the node keeps its size, so
              nodes never grow into each other. */}
          {status ? (
            <div className="rule-node-subtitle rule-node-status" data-testid={`node-status-${id}`}>
              <span className="rule-node-status-dot" />
              <span className="rule-node-status-title">{status.title}</span>
              {step?.durationMs != null && <span className="rule-node-status-time">{step.durationMs} мс</span>}
              {step?.branch && <span className="rule-node-status-time">→ {outputs.find((p) => p.id === step.branch)?.title ?? 'другая ветка'}</span>}
            </div>
          ) : (
            <div className="rule-node-subtitle">{subtitle}</div>
          )}
        </div>
        {(errors.length > 0 || warnings.length > 0) && (
          <Tooltip content={[...errors, ...warnings].map((i) => i.message).join('\n')}>
            <span
              className={errors.length ? 'rule-node-marker error' : 'rule-node-marker warning'}
              data-testid={`node-issue-${id}`}
              aria-label={errors.length ? `Ошибок: ${errors.length}` : `Предупреждений: ${warnings.length}`}
            >
              !
            </span>
          </Tooltip>
        )}
      </div>
      {!info && <div className="rule-node-unknown">Тип узла недоступен на сервере</div>}
      {outputs.length > 0 && (
        <div className="rule-node-outputs">
          {outputs.map((port) => (
            <div key={port.id} className="rule-node-output" data-port={port.id}>
              <span className="rule-node-output-title">{port.title}</span>
              <Handle type="source" position={Position.Right} id={port.id} className="rule-handle source" title={port.title} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const RuleNode = memo(RuleNodeView);
