/** `lptracker.get_calls`: the lead's calls (current and previous half-year), with recording links. */
import { z } from 'zod';
import { connectionField, defineAction } from '../../../core/sdk/index.ts';
import { lptList } from '../client/lpt-client.ts';
import type { LptCall } from '../webhook/lpt-webhook.types.ts';
import { mapCall } from '../webhook/map-lead.ts';
import { remoteOf } from './action-kit.ts';
import { idProp, toId } from './props.ts';
import { SAMPLE_CALL } from './samples.ts';

export const getCalls = defineAction({
  id: 'get_calls',
  title: 'LPTracker: звонки лида',
  description: 'Читает звонки лида: длительность, итог, ссылку на запись. {{…last}} — последний звонок, {{…answered}} — сколько состоялось.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID лида', 'Например, {{trigger.lead.id}}.'),
  }),
  sample: { leadId: 77972070, count: 1, answered: 1, last: SAMPLE_CALL, calls: [SAMPLE_CALL] },
  summarize: (o) => (o ? `звонков: ${o.count ?? 0}, с ответом: ${o.answered ?? 0}` : null),
  async run(ctx) {
    const leadId = toId(ctx.props.leadId, 'ID лида');
    const calls = (await lptList(remoteOf(ctx), `/lead/${leadId}/calls`)).map(mapCall).filter((c): c is LptCall => c !== null);
    // Oldest first, so `last` is the latest call whatever order LPTracker lists them in.
    calls.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
    const answered = calls.filter((c) => (c.disposition ? c.disposition === 'ANSWERED' : c.duration > 0)).length;
    return { leadId, count: calls.length, answered, last: calls.at(-1) ?? null, calls };
  },
});
