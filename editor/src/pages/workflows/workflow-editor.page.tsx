import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ReactFlowProvider } from '@xyflow/react';
import { Button, Flex, Heading, Text } from '@radix-ui/themes';
import '@xyflow/react/dist/style.css';
import { ApiError } from '../../api/client.ts';
import { workflowsApi } from '../../api/workflows.api.ts';
import { fetchNodeTypes, latestNodeTypes, type PluginInfo } from '../../api/node-types.api.ts';
import type { NodeTypeInfo } from '../../../../core/graph/node-catalog.ts';
import { LoadingState } from '../../components/loading-state.component.tsx';
import { createEditorStore } from '../../store/editor-state.store.ts';
import { EditorStoreProvider } from '../../store/editor-store.context.tsx';
import { errorMessage } from '../../store/editor-toast.store.ts';
import { WorkflowEditorLayout } from './workflow-editor.layout.tsx';
import '../../canvas/canvas.css';
import '../../forms/forms.css';
import './workflows.css';
import './editor.css';

export interface EditorCatalog {
  plugins: PluginInfo[];
  /** Every version, for the validation catalog. */
  all: NodeTypeInfo[];
  /** The newest version of every type, for the palette. */
  latest: NodeTypeInfo[];
}

type LoadState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; catalog: EditorCatalog };

function EditorLoader({ id }: { id: string }) {
  const [store] = useState(() => createEditorStore(id));
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    Promise.all([workflowsApi.get(id, ctrl.signal), fetchNodeTypes()])
      .then(([workflow, types]) => {
        store.getState().setNodeTypes(types.nodes);
        store.getState().load(workflow);
        setState({ status: 'ready', catalog: { plugins: types.plugins, all: types.nodes, latest: latestNodeTypes(types.nodes) } });
      })
      .catch((error) => {
        if ((error as Error).name !== 'AbortError') setState({ status: 'error', error });
      });
    return () => ctrl.abort();
  }, [id, store, attempt]);

  if (state.status === 'loading') return <LoadingState label="Открываем правило…" fill />;
  if (state.status === 'error') {
    const notFound = state.error instanceof ApiError && state.error.status === 404;
    return (
      <Flex direction="column" align="center" justify="center" gap="3" style={{ minHeight: '70vh' }} p="5" data-testid="editor-load-error">
        <Heading size="5">{notFound ? 'Правило не найдено' : 'Не удалось открыть правило'}</Heading>
        <Text color="gray" align="center">
          {notFound ? 'Возможно, его удалили или ссылка устарела.' : errorMessage(state.error)}
        </Text>
        <Flex gap="2">
          {!notFound && <Button onClick={() => setAttempt((a) => a + 1)}>Повторить</Button>}
          <Button asChild variant="soft" color="gray">
            <Link to="/rules">К списку правил</Link>
          </Button>
        </Flex>
      </Flex>
    );
  }
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <WorkflowEditorLayout catalog={state.catalog} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

/** `/rules/:id`: the full-bleed rule editor. */
export function WorkflowEditorPage() {
  const { id = '' } = useParams();
  return <EditorLoader key={id} id={id} />;
}
