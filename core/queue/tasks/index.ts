import type { TaskDefinition } from '../task.ts';
import { dispatchEventsTask } from './dispatch-events.task.ts';
import { executeRunTask } from './execute-run.task.ts';
import { sweepOrphansTask } from './sweep-orphans.task.ts';
import { purgeExpiredTask } from './purge-expired.task.ts';

export const tasks: TaskDefinition<any>[] = [dispatchEventsTask, executeRunTask, sweepOrphansTask, purgeExpiredTask];
