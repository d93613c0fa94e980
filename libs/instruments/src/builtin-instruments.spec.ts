import { BUILTIN_INSTRUMENTS } from './builtin-instruments';
import { InstrumentKind } from './instrument-kind';
import { reportingSchema } from './reporting-schema';
import { validateAnswers } from './validate-answers';
import { validateDefinition } from './validate-definition';

type Texts = { kk: string; ru: string; en: string };

function textsOf(value: unknown): Texts[] {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value === null || typeof value !== 'object') return [];
  if (typeof (value as Texts).kk === 'string') return [value as Texts];
  return Object.values(value).flatMap(textsOf);
}

const byKind = (kind: InstrumentKind) => BUILTIN_INSTRUMENTS.find((builtin) => builtin.kind === kind)!;

describe('the built-in instruments', () => {
  it.each(BUILTIN_INSTRUMENTS.map((builtin) => [builtin.code, builtin.definition] as const))('%s validates', (_code, definition) => {
    expect(validateDefinition(definition)).toEqual([]);
  });

  it('have one instrument per kind and unique codes', () => {
    expect(BUILTIN_INSTRUMENTS.map((builtin) => builtin.kind).sort()).toEqual([...Object.values(InstrumentKind)].sort());
    expect(new Set(BUILTIN_INSTRUMENTS.map((builtin) => builtin.code)).size).toBe(3);
  });

  it.each(BUILTIN_INSTRUMENTS.map((builtin) => [builtin.code, builtin.definition] as const))('%s is written in Kazakh, not copied from Russian', (_code, definition) => {
    const texts = textsOf(definition);
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((text) => text.kk.length > 12 && text.kk === text.ru)).toEqual([]);
    // Kazakh-specific letters appear in every longer Kazakh sentence.
    expect(texts.filter((text) => text.kk.length > 40 && !/[әғқңөұүһі]/i.test(text.kk)).map((text) => text.kk)).toEqual([]);
  });

  it('judges’ survey: 20–30 items on 5-point scales, about the evaluation system, development and training needs, one optional comment', () => {
    const schema = reportingSchema(byKind(InstrumentKind.JudgesSurvey).definition);
    expect(schema.length).toBeGreaterThanOrEqual(20);
    expect(schema.length).toBeLessThanOrEqual(30);
    expect(new Set(schema.map((q) => q.dimension))).toEqual(new Set(['evaluation-system', 'professional-development', 'development-needs', 'general']));
    expect(schema.filter((q) => q.answerKind === 'scale').every((q) => q.scale?.points === 5 && q.scale.labels.length === 5)).toBe(true);
    expect(schema.filter((q) => q.freeText)).toEqual([expect.objectContaining({ required: false, maxLength: 2000 })]);
    expect(schema.filter((q) => q.answerKind === 'multiple-choice')).toEqual([expect.objectContaining({ name: 'tn_preferred_formats', maxSelected: 3 })]);
  });

  it('staff survey: 25–35 items over the six HR areas, some reverse-scored, one optional comment', () => {
    const schema = reportingSchema(byKind(InstrumentKind.StaffSurvey).definition);
    expect(schema.length).toBeGreaterThanOrEqual(25);
    expect(schema.length).toBeLessThanOrEqual(35);
    const dimensions = new Set(schema.map((q) => q.dimension));
    for (const area of ['motivation', 'communication', 'training', 'compensation', 'workload', 'professional-development']) expect(dimensions).toContain(area);
    expect(schema.filter((q) => q.reverse).length).toBeGreaterThanOrEqual(3);
    expect(schema.filter((q) => q.reverse).every((q) => q.answerKind === 'scale')).toBe(true);
    expect(schema.filter((q) => q.freeText)).toEqual([expect.objectContaining({ required: false })]);
  });

  it('peer review: 2–3 anchored 5-point items for each of the six competencies, and an optional sensitive comment', () => {
    const schema = reportingSchema(byKind(InstrumentKind.PeerReview).definition);
    const competencies = ['legal-knowledge', 'reasoning-drafting', 'case-management', 'integrity-impartiality', 'temperament-communication', 'collegiality-mentoring'];
    for (const competency of competencies) {
      const items = schema.filter((q) => q.dimension === competency);
      expect({ competency, items: items.length >= 2 && items.length <= 3 }).toEqual({ competency, items: true });
      for (const item of items) {
        expect(item.scale).toMatchObject({ min: 1, max: 5, points: 5 });
        expect(item.scale?.labels.map((label) => label.value)).toEqual([1, 5]);
        // No basis to judge: the reviewer leaves the item blank.
        expect(item.required).toBe(false);
      }
    }
    expect(schema.filter((q) => q.freeText)).toEqual([expect.objectContaining({ name: 'feedback', sensitive: true, required: false })]);
  });

  it('accept a complete set of answers and refuse an empty one where items are required', () => {
    for (const builtin of BUILTIN_INSTRUMENTS) {
      const schema = reportingSchema(builtin.definition);
      const answers = Object.fromEntries(
        schema.map((q) => [q.name, q.scale ? q.scale.max : q.answerKind === 'multiple-choice' ? [q.choices![0].value] : q.freeText ? 'Рахмет' : q.choices![0].value]),
      );
      expect({ code: builtin.code, problems: validateAnswers(builtin.definition, answers).problems }).toEqual({ code: builtin.code, problems: [] });
      const required = schema.filter((q) => q.required).map((q) => q.name);
      expect(validateAnswers(builtin.definition, {}).problems.map((p) => p.field)).toEqual(required);
    }
  });
});
