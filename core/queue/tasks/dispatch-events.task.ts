import { z } from 'zod';
import { defineTask } from '../task.ts';

export const dispatchEventsTask = defineTask({
  name: 'dispatch-events',
  payload: z.object({ eventIds: z.array(z.string().uuid()).max(1000), crashes: z.number().int().min(0).optional() }),
  run: (payload, lifecycle, signal) => lifecycle.dispatchEvents(payload.eventIds, signal),
  fail: (payload, lifecycle, reason) => lifecycle.failEvents(payload.eventIds, reason),
  async isolate(payload, lifecycle, crashes) {
    if (payload.eventIds.length <= 1) return 'single';
    await lifecycle.splitDispatch(payload.eventIds, crashes);
    return 'split';
  },
});
