/**
 * `lptracker.add_comment`: `POST /lead/{id}/comment`, which is not idempotent. The step's record
 * says `pending` before the write; a retry after a lost answer first looks among the lead's
 * comments for one with the same text written since that attempt began (comment times have
 * second precision in account-local time, so a minute of slack), and writes only if none is there.
 */
import { z } from 'zod';
import { connectionField, defineAction, UserError } from '../../../core/sdk/index.ts';
import { lptList, lptRequest } from '../client/lpt-client.ts';
import { toIso } from '../webhook/lpt-values.ts';
import { markDone, markPending, preview, readRecord, remoteOf } from './action-kit.ts';
import { idProp, nonEmpty, toId } from './props.ts';

type Raw = Record<string, unknown>;

const MAX_TEXT = 10_000;

export interface CommentView {
  id: number | null;
  text: string;
  created_at: string | null;
}

function commentView(raw: Raw, fallbackText: string): CommentView {
  const id = Number(raw.id);
  return { id: Number.isSafeInteger(id) ? id : null, text: typeof raw.text === 'string' ? raw.text : fallbackText, created_at: toIso(raw.created_at) };
}

export const addComment = defineAction({
  id: 'add_comment',
  title: 'LPTracker: добавить комментарий',
  description: 'Добавляет комментарий к лиду. Повтор шага не добавляет второй такой же комментарий.',
  needsConnection: true,
  errorOutput: true,
  props: z.object({
    connectionId: connectionField(),
    leadId: idProp('ID лида', 'Например, {{trigger.lead.id}}.'),
    text: z.string({ error: 'Введите текст комментария' }).trim().min(1, 'Введите текст комментария').max(MAX_TEXT, 'Не длиннее 10 000 символов')
      .meta({ title: 'Текст', 'x-widget': 'template' }),
  }),
  sample: { leadId: 77972070, comment: { id: 3001, text: 'Сделка в AmoCRM: 10000001', created_at: '2023-11-14T22:15:00.000Z' }, created: true },
  summarize: (o) => (o?.leadId ? `комментарий к лиду ${o.leadId}` : null),
  async run(ctx) {
    const remote = remoteOf(ctx);
    const leadId = toId(ctx.props.leadId, 'ID лида');
    const text = nonEmpty(ctx.props.text);
    if (!text) throw new UserError('LPTRACKER_EMPTY_COMMENT', 'Текст комментария пустой — проверьте шаблон.');
    const body = { text, options: {} };
    const path = `/lead/${leadId}/comment`;
    if (ctx.dryRun) return preview(remote, 'POST', path, body);
    const record = await readRecord<{ leadId: number; comment: CommentView; created: boolean }>(ctx, 'add_comment');
    if (record?.state === 'done') return { ...record.result, created: false };
    if (record?.state === 'pending') {
      const comments = await lptList(remote, `/lead/${leadId}/comments`);
      const earlier = comments.find((c) => c.text === text && Date.parse(toIso(c.created_at) ?? '') >= record.at - 60_000);
      if (earlier) return markDone(ctx, 'add_comment', { leadId, comment: commentView(earlier, text), created: false });
    }
    await markPending(ctx, 'add_comment', record);
    const raw = await lptRequest<Raw>(remote, { method: 'POST', path, body });
    return markDone(ctx, 'add_comment', { leadId, comment: commentView(raw ?? {}, text), created: true });
  },
});
