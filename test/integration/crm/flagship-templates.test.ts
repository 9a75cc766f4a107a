import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../../core/graph/validate-graph.ts';
import { createPluginRegistry } from '../../../core/plugins/plugin-registry.ts';
import { plugins } from '../../../plugins/index.ts';
import { amoLeadToLptLead } from '../../../plugins/lptracker/templates/amo-lead-to-lpt.template.ts';
import { lptRefusalToAmoLost } from '../../../plugins/lptracker/templates/lpt-refusal-to-amo.template.ts';

const registry = createPluginRegistry(plugins);
const AMO = '11111111-1111-4111-8111-111111111111';
const LPT = '22222222-2222-4222-8222-222222222222';

describe('flagship templates', () => {
  it('the deal → lead template draws a valid trigger → condition → create_lead graph', () => {
    const params = amoLeadToLptLead.params.parse({ amocrmConnectionId: AMO, lptrackerConnectionId: LPT, pipelineId: '6100001', statusId: 61000012, projectId: 94698, fields: { Город: '{{trigger.lead.fields.Город}}' } });
    expect(params).toMatchObject({ city: 'Краснодар', cityField: 'Город' });
    const { name, graph } = amoLeadToLptLead.build(params);
    expect(name).toBe('Сделка AmoCRM, город «Краснодар» → лид в LPTracker');
    expect(validateGraph(graph, registry.catalog).errors).toEqual([]);
    const [trigger, condition, action] = graph.nodes;
    expect(trigger!.props).toMatchObject({ connectionId: AMO, pipelineId: 6100001, statusId: 61000012, loadContacts: true });
    expect(condition!.props).toMatchObject({ group: { rules: [{ left: '{{trigger.lead.fields.Город}}', op: 'eq', right: 'Краснодар' }] } });
    expect(action!.props).toMatchObject({ connectionId: LPT, projectId: 94698, stageId: '', phone: '{{trigger.lead.contact.phone}}' });
    // Laid out left to right without overlaps.
    expect(graph.nodes.map((n) => n.position.x)).toEqual([0, 300, 600]);
  });

  it('without a city the deal goes straight to the lead; a field name with spaces becomes a bracket path', () => {
    const base = { amocrmConnectionId: AMO, lptrackerConnectionId: LPT, pipelineId: 1, projectId: 2 };
    expect(amoLeadToLptLead.build(amoLeadToLptLead.params.parse({ ...base, city: '' })).graph.edges).toEqual([
      { id: 'e1', source: 'deal', sourceHandle: 'out', target: 'lead', targetHandle: 'in' },
    ]);
    const spaced = amoLeadToLptLead.build(amoLeadToLptLead.params.parse({ ...base, cityField: 'Город клиента' }));
    expect(JSON.stringify(spaced.graph)).toContain('{{trigger.lead.fields[\\"Город клиента\\"]}}');
  });

  it('the refusal template closes the linked deal as lost (143) and writes a note, stopping when there is no link', () => {
    const params = lptRefusalToAmoLost.params.parse({ amocrmConnectionId: AMO, lptrackerConnectionId: LPT, projectId: 94698, stageId: 1648188, pipelineId: 6100001 });
    const { graph } = lptRefusalToAmoLost.build(params);
    expect(validateGraph(graph, registry.catalog).errors).toEqual([]);
    expect(graph.nodes.map((n) => n.type)).toEqual(['lptracker.lead_stage_changed', 'logic.condition', 'amocrm.change_status', 'amocrm.add_note']);
    expect(graph.nodes[2]!.props).toMatchObject({ leadId: '{{trigger.links.amocrm.lead}}', statusId: 143, pipelineId: 6100001 });
    expect(graph.edges.find((e) => e.source === 'linked')).toMatchObject({ sourceHandle: 'true', target: 'close' });
  });

  it('is offered by the registry with its form, and refuses a form without its connections', () => {
    expect(registry.templates().map((t) => t.id)).toEqual(['lptracker.amocrm_deal_to_lead', 'lptracker.lead_refusal_to_deal_lost']);
    const issues = lptRefusalToAmoLost.params.safeParse({}).error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(expect.arrayContaining([['lptrackerConnectionId', 'Выберите подключение'], ['stageId', expect.stringMatching(/[а-я]/)]]));
  });

  it('a template needing a plugin that is not installed is not offered', () => {
    const alone = createPluginRegistry(plugins.filter((p) => p.id !== 'amocrm'));
    expect(alone.templates()).toEqual([]);
  });
});
