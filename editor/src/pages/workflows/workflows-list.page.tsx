// Being built: replaced by the workflows editor work.
export function WorkflowsListPage() {
  return null;
}
