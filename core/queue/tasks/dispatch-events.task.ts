import { z } from 'zod';
import { defineTask } from '../task.ts';

export const dispatchEventsTask = defineTask({
  name: 'dispatch-events',
  payload: z.object({ eventIds: z.array(z.string().uuid()).max(1000) }),
  run: (payload, lifecycle, signal) => lifecycle.dispatchEvents(payload.eventIds, signal),
  fail: (payload, lifecycle, reason) => lifecycle.failEvents(payload.eventIds, reason),
});
