import { Tenant } from '../modules/tenants/tenant.entity.ts';
import { User } from '../modules/users/user.entity.ts';
import { Connection } from '../modules/connections/connection.entity.ts';
import { LogEntry } from '../modules/logs/log-entry.entity.ts';
import { Workflow, WorkflowVersion } from '../modules/workflows/workflow.entity.ts';

export const entities = [Tenant, User, Connection, LogEntry, Workflow, WorkflowVersion];
