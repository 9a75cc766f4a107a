import { z } from 'zod';
import { defineTask } from '../task.ts';

/** Runs from graphile-worker's crontab (see worker.ts), once a minute across the deployment. */
export const sweepOrphansTask = defineTask({
  name: 'sweep-orphans',
  payload: z.object({}).passthrough() as unknown as z.ZodType<Record<string, never>>,
  run: (_payload, lifecycle) => lifecycle.sweepOrphans(),
});
