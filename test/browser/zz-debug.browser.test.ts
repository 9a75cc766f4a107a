import { it } from 'vitest';
import { createTestApp } from '../support/test-app.ts';
import { activeWorkflow, webhookConditionHttp } from '../support/workflow-graphs.ts';
import { launchBrowser, shareSession } from './browser.ts';

it('debug', async () => {
  const app = await createTestApp({ serveEditor: true });
  const b = await launchBrowser();
  const client = app.client();
  await client.register('dbg@example.ru', 'Отладка');
  await shareSession(b.context, client);
  const wf = await activeWorkflow(client, webhookConditionHttp('http://127.0.0.1:9/x'), 'Отладка правила');
  await b.page.goto(`${app.url}/rules/${wf.id}`);
  await b.page.getByTestId('node-n3').waitFor();
  const info = await b.page.evaluate(() => {
    const q = (s: string) => document.querySelector(s) as HTMLElement;
    const els = ['.editor-toolbar', '.editor-name', '[data-testid=editor-hook]', '[data-testid=editor-hook-url]'];
    return els.map((s) => { const e = q(s); const cs = getComputedStyle(e); return [s, e.getBoundingClientRect().width, cs.display, cs.minWidth, cs.flex, cs.maxWidth]; })
      .concat([...q('.editor-toolbar').children].map((c) => [c.className || c.tagName, (c as HTMLElement).getBoundingClientRect().width, getComputedStyle(c).flex] as any));
  });
  console.log(JSON.stringify(info, null, 1));
  await b.close();
  await app.close();
}, 60000);
