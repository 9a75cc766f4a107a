import { z } from 'zod';
import { defineTask } from '../task.ts';

/** Hourly, from graphile-worker's crontab: retention (RETENTION_DAYS). */
export const purgeExpiredTask = defineTask({
  name: 'purge-expired',
  payload: z.object({}).passthrough() as unknown as z.ZodType<Record<string, never>>,
  run: (_payload, lifecycle) => lifecycle.purgeExpired(),
});
