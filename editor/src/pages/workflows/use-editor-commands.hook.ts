import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { workflowsApi, type GraphIssue, type TestRunEvent, type TestRunResult } from '../../api/workflows.api.ts';
import { useEditorApi } from '../../store/editor-store.context.tsx';
import { errorMessage, toast } from '../../store/editor-toast.store.ts';

export type Command = 'save' | 'publish' | 'publish-activate' | 'restore' | 'activate' | 'deactivate' | 'test';

/** Save / publish / activate / test run against the server, with busy flags and Russian notices. */
export function useEditorCommands() {
  const api = useEditorApi();
  const [busy, setBusy] = useState<Command | null>(null);
  const saving = useRef<Promise<boolean> | null>(null);

  const save = useCallback(
    async (quiet = false): Promise<boolean> => {
      if (saving.current) await saving.current;
      const s = api.getState();
      if (!s.dirty) return true;
      const name = s.name.trim();
      if (!name) {
        toast.error('Введите название правила');
        return false;
      }
      const run = (async () => {
        const revision = s.revision;
        try {
          const workflow = await workflowsApi.update(s.workflowId, { name, graph: s.toGraph() });
          api.getState().markSaved(workflow, revision);
          if (!quiet) {
            const errors = workflow.validation?.errors.length ?? 0;
            if (errors) toast.warning(`Сохранено. Найдено ошибок: ${errors} — правило нельзя опубликовать, пока они не исправлены`);
            else toast.success('Изменения сохранены');
          }
          return true;
        } catch (err) {
          toast.error(`Не удалось сохранить: ${errorMessage(err)}`);
          return false;
        }
      })();
      saving.current = run;
      setBusy('save');
      try {
        return await run;
      } finally {
        saving.current = null;
        setBusy(null);
      }
    },
    [api],
  );

  /** Refused for errors: the server's list goes to the problems panel, opened. */
  const publishFailed = useCallback(
    (err: unknown, what: string) => {
      if (err instanceof ApiError && err.code === 'GRAPH_INVALID') {
        const issues = ((err.details?.errors as GraphIssue[] | undefined) ?? []).map((i) => ({ ...i, severity: i.severity ?? 'error' }));
        api.getState().setPublishIssues(issues);
        api.getState().setProblemsOpen(true);
        const count = api.getState().issues.filter((i) => i.severity === 'error').length || issues.length;
        toast.error(`Правило не ${what}: исправьте ошибки (${count}) — они в списке «Проблемы»`);
      } else {
        toast.error(`Правило не ${what}: ${errorMessage(err)}`);
      }
    },
    [api],
  );

  const publish = useCallback(async () => {
    if (!(await save(true))) return;
    setBusy('publish');
    try {
      const res = await workflowsApi.publish(api.getState().workflowId);
      api.getState().setServerValidation(res.workflow);
      toast.success(`Опубликована версия ${res.version.version}`);
    } catch (err) {
      publishFailed(err, 'опубликовано');
    } finally {
      setBusy(null);
    }
  }, [api, save, publishFailed]);

  /** The primary action: save, publish and switch on in one server call. */
  const publishAndActivate = useCallback(async () => {
    if (!(await save(true))) return;
    setBusy('publish-activate');
    try {
      const res = await workflowsApi.publishAndActivate(api.getState().workflowId);
      api.getState().setServerValidation(res.workflow);
      toast.success(`Опубликована версия ${res.version.version}, правило включено`);
    } catch (err) {
      publishFailed(err, 'включено');
    } finally {
      setBusy(null);
    }
  }, [api, save, publishFailed]);

  /** «Вернуть эту версию»: the canvas reloads with the restored graph. */
  const restore = useCallback(
    async (version: number): Promise<boolean> => {
      setBusy('restore');
      try {
        const s = api.getState();
        const res = await workflowsApi.restoreVersion(s.workflowId, version);
        api.getState().load(res.workflow);
        const n = res.version.version;
        toast.success(n === version ? `Черновик возвращён к версии ${version}` : `Версия ${version} восстановлена и опубликована как версия ${n}`);
        return true;
      } catch (err) {
        toast.error(`Версию не удалось вернуть: ${errorMessage(err)}`);
        return false;
      } finally {
        setBusy(null);
      }
    },
    [api],
  );

  const setActive = useCallback(
    async (active: boolean) => {
      setBusy(active ? 'activate' : 'deactivate');
      try {
        const id = api.getState().workflowId;
        const workflow = active ? await workflowsApi.activate(id) : await workflowsApi.deactivate(id);
        api.getState().setMeta(workflow);
        toast.success(active ? 'Правило включено: входящие события обрабатываются' : 'Правило выключено: новые события не обрабатываются');
      } catch (err) {
        if (err instanceof ApiError && err.code === 'NOT_PUBLISHED') toast.error('Сначала опубликуйте правило: включить можно только опубликованную версию');
        else toast.error(errorMessage(err));
      } finally {
        setBusy(null);
      }
    },
    [api],
  );

  const testRun = useCallback(
    async (event: TestRunEvent): Promise<TestRunResult | null> => {
      setBusy('test');
      try {
        const s = api.getState();
        const result = await workflowsApi.testRun(s.workflowId, { event, graph: s.toGraph() });
        api.getState().setTestRun(result);
        return result;
      } catch (err) {
        toast.error(`Тестовый запуск не выполнен: ${errorMessage(err)}`);
        return null;
      } finally {
        setBusy(null);
      }
    },
    [api],
  );

  return { busy, save, publish, publishAndActivate, restore, activate: () => setActive(true), deactivate: () => setActive(false), testRun };
}

export type EditorCommands = ReturnType<typeof useEditorCommands>;
