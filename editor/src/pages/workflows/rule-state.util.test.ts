import { describe, expect, it } from 'vitest';
import { ruleStateOf, type RuleSummary } from './rule-state.util.ts';

const rule = (over: Partial<RuleSummary> = {}): RuleSummary => ({ status: 'draft', activeVersion: null, latestVersion: null, hasUnpublishedChanges: true, ...over });

describe('ruleStateOf', () => {
  it('a never published rule is «Черновик», cannot be switched on, can be published and switched on at once', () => {
    const s = ruleStateOf(rule());
    expect(s.publication).toMatchObject({ kind: 'draft', label: 'Черновик' });
    expect(s.power).toBeNull();
    expect(s.activate).toEqual({ enabled: false, reason: 'Сначала опубликуйте правило' });
    expect(s.deactivate.enabled).toBe(false);
    expect(s.publishAndActivate).toEqual({ enabled: true, reason: null });
    expect(s.publish.enabled).toBe(true);
  });

  it('after a publish: «Опубликовано v3» and «Выключено»; nothing to publish', () => {
    const s = ruleStateOf(rule({ latestVersion: 3, hasUnpublishedChanges: false }));
    expect(s.publication).toMatchObject({ kind: 'published', label: 'Опубликовано v3' });
    expect(s.power).toMatchObject({ on: false, label: 'Выключено' });
    expect(s.publish).toEqual({ enabled: false, reason: 'Нечего публиковать: изменений нет' });
    expect(s.activate.enabled).toBe(true);
    // Published but off: the primary action just switches it on.
    expect(s.publishAndActivate.enabled).toBe(true);
  });

  it('an active rule with saved or unsaved edits has unpublished changes', () => {
    const saved = ruleStateOf(rule({ status: 'active', activeVersion: 2, latestVersion: 2, hasUnpublishedChanges: true }));
    expect(saved.publication).toMatchObject({ kind: 'changed', label: 'Есть неопубликованные изменения' });
    expect(saved.power).toMatchObject({ on: true, label: 'Включено' });
    expect(saved.publishAndActivate.enabled).toBe(true);
    const unsaved = ruleStateOf(rule({ status: 'active', activeVersion: 2, latestVersion: 2, hasUnpublishedChanges: false }), { dirty: true });
    expect(unsaved.publication.kind).toBe('changed');
    expect(unsaved.activate).toEqual({ enabled: false, reason: 'Правило уже включено' });
    expect(unsaved.deactivate.enabled).toBe(true);
  });

  it('an active rule without changes has nothing to do for the primary action', () => {
    const s = ruleStateOf(rule({ status: 'active', activeVersion: 2, latestVersion: 2, hasUnpublishedChanges: false }));
    expect(s.publishAndActivate).toEqual({ enabled: false, reason: 'Правило уже включено, а изменений для публикации нет' });
  });

  it('known errors block publishing with their count', () => {
    const s = ruleStateOf(rule(), { errors: 2 });
    expect(s.publish).toEqual({ enabled: false, reason: 'Сначала исправьте ошибки в схеме (2)' });
    expect(s.publishAndActivate.reason).toBe('Сначала исправьте ошибки в схеме (2)');
    // A published, switched-off rule without changes can still be switched on despite draft errors? No draft changes → no errors to publish.
    expect(ruleStateOf(rule({ latestVersion: 1, hasUnpublishedChanges: false, status: 'inactive' }), { errors: 2 }).publishAndActivate.enabled).toBe(true);
  });

  it('a switched-off rule says «Выключено» the same way as a never switched-on one', () => {
    expect(ruleStateOf(rule({ status: 'inactive', latestVersion: 1, hasUnpublishedChanges: false })).power?.label).toBe('Выключено');
    expect(ruleStateOf(rule({ status: 'draft', latestVersion: 1, hasUnpublishedChanges: false })).power?.label).toBe('Выключено');
  });
});
