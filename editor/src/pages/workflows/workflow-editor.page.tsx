// Being built: replaced by the workflows editor work.
export function WorkflowEditorPage() {
  return null;
}
