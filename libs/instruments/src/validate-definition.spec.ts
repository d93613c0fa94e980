import small from './fixtures/small-definition.json';
import { validateDefinition, withDefinitionDefaults } from './validate-definition';

type Json = Record<string, any>;

/** A valid definition to break one rule at a time. */
function definition(change: (json: Json) => void = () => undefined): Json {
  const json = structuredClone(small) as Json;
  change(json);
  return json;
}

const question = (json: Json, name: string): Json => json.pages[0].elements.find((element: Json) => element.name === name);

describe('validateDefinition', () => {
  it('accepts a complete definition', () => {
    expect(validateDefinition(definition())).toEqual([]);
  });

  it('names the element, the property and the locale of a missing translation', () => {
    const problems = validateDefinition(
      definition((json) => {
        question(json, 'unit').title = { kk: 'Бөлім', ru: '  ', en: 'Unit' };
        question(json, 'formats').choices[1].text = { kk: 'Семинар', ru: 'Семинар' };
        json.pages[0].title = 'Жұмыс';
      }),
    );
    expect(problems).toEqual([
      { field: 'page:work.title.ru', reason: 'has no text in language "ru"', constraint: 'translation-missing', params: { locale: 'ru' } },
      { field: 'page:work.title.en', reason: 'has no text in language "en"', constraint: 'translation-missing', params: { locale: 'en' } },
      { field: 'question:unit.title.ru', reason: 'has no text in language "ru"', constraint: 'translation-missing', params: { locale: 'ru' } },
      { field: 'question:formats.choices[1].text.en', reason: 'has no text in language "en"', constraint: 'translation-missing', params: { locale: 'en' } },
    ]);
  });

  it('counts `default` as the Kazakh text, and requires a title where there is none', () => {
    const problems = validateDefinition(
      definition((json) => {
        question(json, 'unit').title = { default: 'Бөлім', ru: 'Подразделение', en: 'Unit' };
        delete question(json, 'comment').title;
      }),
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'question:comment.title', constraint: 'text-missing' })]);
  });

  it('checks every localisable text that is present, such as a description or a placeholder', () => {
    const problems = validateDefinition(
      definition((json) => {
        question(json, 'comment').placeholder = { kk: 'Жазыңыз', en: 'Write here' };
        json.pages[0].description = { ru: 'Описание' };
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['page:work.description.kk', 'page:work.description.en', 'question:comment.placeholder.ru']);
  });

  it('requires a known dimension on every question', () => {
    const problems = validateDefinition(
      definition((json) => {
        delete question(json, 'unit').dimension;
        question(json, 'formats').dimension = 'happiness';
      }),
    );
    expect(problems).toEqual([
      { field: 'question:unit.dimension', reason: 'needs a "dimension" so that reporting knows what it measures', constraint: 'dimension-missing', params: {} },
      expect.objectContaining({ field: 'question:formats.dimension', constraint: 'dimension-unknown', params: expect.objectContaining({ dimension: 'happiness' }) }),
    ]);
  });

  it.each([
    ['no scale at all', (q: Json) => delete q.rateValues, 'question:meaningful_work', 'rating-scale-missing'],
    ['only rateMin', (q: Json) => Object.assign(q, { rateValues: undefined, rateMin: 1 }), 'question:meaningful_work', 'rating-scale-missing'],
    ['one point', (q: Json) => (q.rateValues = q.rateValues.slice(0, 1)), 'question:meaningful_work.rateValues', 'rating-scale-invalid'],
    ['a fractional point', (q: Json) => (q.rateValues[2].value = 2.5), 'question:meaningful_work.rateValues[2].value', 'choice-value-invalid'],
    ['a repeated point', (q: Json) => (q.rateValues[2].value = 2), 'question:meaningful_work.rateValues[2].value', 'choice-value-duplicate'],
    ['rateCount', (q: Json) => (q.rateCount = 7), 'question:meaningful_work.rateCount', 'forbidden-property'],
  ])('refuses a rating scale with %s', (_case, change, field, constraint) => {
    const problems = validateDefinition(definition((json) => change(question(json, 'meaningful_work'))));
    expect(problems).toContainEqual(expect.objectContaining({ field, constraint }));
  });

  it('refuses a rateMin/rateMax scale that is too long or has unlabelled ends', () => {
    const problems = validateDefinition(
      definition((json) => {
        Object.assign(question(json, 'overtime'), { rateStep: 1, rateMax: 100 });
        delete question(json, 'overtime').maxRateDescription;
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ field: 'question:overtime.rateMax', constraint: 'rating-scale-invalid', params: { min: 2, max: 11 } }),
      expect.objectContaining({ field: 'question:overtime.maxRateDescription', constraint: 'text-missing' }),
    ]);
  });

  it('reports SurveyJS unknown properties on the element that has them', () => {
    const problems = validateDefinition(
      definition((json) => {
        question(json, 'unit').colour = 'red';
        json.pages[0].layout = 'wide';
        json.theme = 'dark';
      }),
    );
    expect(problems).toEqual([
      { field: 'question:unit.colour', reason: 'has the unknown property "colour"', constraint: 'unknown-property', params: { property: 'colour' } },
      expect.objectContaining({ field: 'page:work.layout', constraint: 'unknown-property' }),
      expect.objectContaining({ field: 'survey.theme', constraint: 'unknown-property' }),
    ]);
  });

  it('refuses duplicate and unsafe names', () => {
    const problems = validateDefinition(
      definition((json) => {
        question(json, 'formats').name = 'unit';
        question(json, 'comment').name = 'Comment 1';
        json.pages.push({ ...structuredClone(json.pages[0]), elements: [{ ...question(json, 'had_training') }] });
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'question:unit.name', reason: 'the name "unit" is used more than once', constraint: 'duplicate-name', params: { name: 'unit' } },
        expect.objectContaining({ field: 'page:work.elements[6].name', constraint: 'invalid-name' }),
        expect.objectContaining({ field: 'page:work.name', constraint: 'duplicate-name' }),
        expect.objectContaining({ field: 'question:had_training.name', constraint: 'duplicate-name' }),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('refuses question types reporting cannot interpret, naming the type', () => {
    const problems = validateDefinition(
      definition((json) => json.pages[0].elements.push({ type: 'matrix', name: 'grid', columns: [1, 2], rows: ['a'] }, { type: 'html', name: 'intro', html: '<b>x</b>' })),
    );
    expect(problems).toEqual([
      expect.objectContaining({ field: 'question:grid.type', constraint: 'unsupported-type', params: expect.objectContaining({ type: 'matrix' }) }),
      expect.objectContaining({ field: 'question:intro.type', constraint: 'unsupported-type', params: expect.objectContaining({ type: 'html' }) }),
    ]);
  });

  it('refuses features that would make an answer mean something the definition does not say', () => {
    const problems = validateDefinition(
      definition((json) => {
        question(json, 'unit').showOtherItem = true;
        question(json, 'unit').valueName = 'other_key';
        question(json, 'formats').choices[0].visibleIf = '{unit} = "office"';
        json.triggers = [{ type: 'complete', expression: '{unit} = "office"' }];
      }),
    );
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['survey.triggers', 'forbidden-property'],
      ['question:unit.valueName', 'forbidden-property'],
      ['question:unit.showOtherItem', 'forbidden-property'],
      ['question:formats.choices[0].visibleIf', 'forbidden-property'],
    ]);
  });

  it('requires a bounded maxLength on free text, and plain text input only', () => {
    const problems = validateDefinition(
      definition((json) => {
        delete question(json, 'comment').maxLength;
        question(json, 'training_topic').maxLength = 100_000;
        question(json, 'training_topic').inputType = 'number';
      }),
    );
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['question:training_topic.maxLength', 'max-length-invalid'],
      ['question:training_topic.inputType', 'input-type-unsupported'],
      ['question:comment.maxLength', 'max-length-missing'],
    ]);
  });

  it('checks property types, choice values, conditions and reverse scoring', () => {
    const problems = validateDefinition(
      definition((json) => {
        question(json, 'unit').isRequired = 'yes';
        question(json, 'unit').choices[0].value = 'Office Room';
        question(json, 'unit').reverse = true;
        question(json, 'training_topic').visibleIf = '{nobody} = true';
        question(json, 'had_training').visibleIf = '{unit} = ';
      }),
    );
    expect(problems.map((p) => [p.field, p.constraint])).toEqual([
      ['question:unit.isRequired', 'wrong-property-type'],
      ['question:unit.reverse', 'reverse-not-rating'],
      ['question:unit.choices[0].value', 'choice-value-invalid'],
      ['question:had_training.visibleIf', 'condition-invalid'],
      ['question:training_topic.visibleIf', 'condition-unknown-question'],
    ]);
  });

  it('refuses what is not a definition', () => {
    expect(validateDefinition([])).toEqual([expect.objectContaining({ field: 'survey', constraint: 'not-an-object' })]);
    expect(validateDefinition({ title: { kk: 'а', ru: 'б', en: 'c' }, pages: [] })).toEqual([expect.objectContaining({ field: 'survey.pages', constraint: 'pages-missing' })]);
    expect(validateDefinition(definition((json) => (json.pages[0].elements = [])))).toEqual([
      expect.objectContaining({ field: 'page:work.elements', constraint: 'elements-missing' }),
    ]);
  });
});

describe('withDefinitionDefaults', () => {
  it('gives free-text questions without a maxLength the default, and leaves its argument alone', () => {
    const json = definition((d) => delete question(d, 'comment').maxLength);
    const stored = withDefinitionDefaults(json);
    expect(question(stored, 'comment').maxLength).toBe(2000);
    expect(question(stored, 'training_topic').maxLength).toBe(100);
    expect(question(json, 'comment').maxLength).toBeUndefined();
    expect(validateDefinition(stored)).toEqual([]);
  });
});
