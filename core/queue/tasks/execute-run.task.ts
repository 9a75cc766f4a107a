import { z } from 'zod';
import { defineTask } from '../task.ts';

export const executeRunTask = defineTask({
  name: 'execute-run',
  payload: z.object({ runId: z.string().uuid(), crashes: z.number().int().min(0).optional() }),
  run: (payload, lifecycle, signal) => lifecycle.executeRun(payload.runId, signal),
  fail: (payload, lifecycle, reason) => lifecycle.failRun(payload.runId, reason),
  isolate: async () => 'single',
});
