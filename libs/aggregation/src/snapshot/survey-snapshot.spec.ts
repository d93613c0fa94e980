import canonicalize from 'canonicalize';
import { Breakdown } from '../core/catalogue';
import { SurveyGroups, surveyCatalogue, surveyMicrocells, UNDISCLOSED } from './survey-input';
import { buildSurveySnapshot, choiceReleaseId, SurveyChoiceQuestion, SurveyQuestion, SurveySnapshot, upgradeSurveySnapshot } from './survey-snapshot';

const questions: SurveyQuestion[] = [
  { name: 'q1', dimension: 'motivation', reverse: false, scale: { min: 1, max: 5 } },
  { name: 'q2', dimension: 'motivation', reverse: true, scale: { min: 1, max: 5 } },
];
const choices: SurveyChoiceQuestion[] = [
  { name: 'formats', kind: 'multiple-choice', options: ['online', 'seminar', 'rare'] },
  { name: 'mode', kind: 'single-choice', options: ['a', 'b', 'c'] },
];
const thresholds = { count: 5, mean: 8, freeText: 10, peer: 5 };

/**
 * Two regions of 20 women and 20 men each, of whom 12 answered, plus 12 women whose region
 * coarsening dropped. Answers are spread over three scale points: women 3–5, men 2–4.
 */
const answeredFormats = (c: { region: string | null; respondents: number }) => (c.region === null ? c.respondents : c.respondents - 2);

function groups(hiddenRespondents = 9): SurveyGroups {
  const cells = [
    { gender: 'f', region: 'abai' },
    { gender: 'm', region: 'abai' },
    { gender: 'f', region: 'akmola' },
    { gender: 'm', region: 'akmola' },
  ];
  const attributes = (c: { gender: string; region: string | null }) => ({ [Breakdown.Gender]: c.gender, [Breakdown.Region]: c.region });
  const all = [...cells.map((c) => ({ ...c, population: 20, respondents: 12 })), { gender: 'f', region: null, population: 12, respondents: hiddenRespondents }];
  return {
    population: all.map((c) => ({ attributes: attributes(c), population: c.population })),
    respondents: all.map((c) => ({ attributes: attributes(c), respondents: c.respondents })),
    answers: all.flatMap((c) =>
      ['q1', 'q2'].flatMap((question) => {
        const high = c.gender === 'f' ? 5 : 4;
        const third = Math.floor(c.respondents / 3);
        return [
          { attributes: attributes(c), question, value: high, count: third },
          { attributes: attributes(c), question, value: high - 1, count: third },
          { attributes: attributes(c), question, value: high - 2, count: c.respondents - 2 * third },
        ];
      }),
    ),
    scores: all.map((c) => ({ attributes: attributes(c), dimension: 'motivation', sum: c.gender === 'f' ? 6 : 4, answered: 2, count: c.respondents })),
    // Two of each group with a known region skip the multiple choice; "rare" is chosen by one woman (of Abai) and four men of each region.
    choiceAnswered: all.flatMap((c) => [
      { attributes: attributes(c), question: 'formats', count: answeredFormats(c) },
      { attributes: attributes(c), question: 'mode', count: c.respondents },
    ]),
    choiceChosen: all.flatMap((c) => {
      const chose = (count: number) => Math.min(count, answeredFormats(c));
      const [a, b] = [Math.min(5, c.respondents), Math.min(4, c.respondents - Math.min(5, c.respondents))];
      return [
        { attributes: attributes(c), question: 'formats', option: 0, count: chose(6) },
        { attributes: attributes(c), question: 'formats', option: 1, count: chose(5) },
        { attributes: attributes(c), question: 'formats', option: 2, count: chose(c.gender === 'm' ? 4 : c.region === 'abai' ? 1 : 0) },
        { attributes: attributes(c), question: 'mode', option: 0, count: a },
        { attributes: attributes(c), question: 'mode', option: 1, count: b },
        { attributes: attributes(c), question: 'mode', option: 2, count: c.respondents - a - b },
      ];
    }),
  };
}

async function snapshotOf(input: SurveyGroups = groups()) {
  const catalogue = surveyCatalogue([[], [Breakdown.Gender], [Breakdown.Region], [Breakdown.Gender, Breakdown.Region]], { [Breakdown.Gender]: ['f', 'm'], [Breakdown.Region]: ['abai', 'akmola'] }, input.population);
  const microcells = surveyMicrocells(catalogue, input, questions, ['motivation'], choices);
  return buildSurveySnapshot({ campaign: { id: 'c', kind: 'staff-survey', release: 1 }, thresholds, catalogue, questions, choices, microcells, previous: null });
}

describe('buildSurveySnapshot', () => {
  it('counts undisclosed respondents in the margins but never lists or publishes their cells', async () => {
    const snapshot = await snapshotOf();
    expect(snapshot.respondents.find((c) => c.key === 'national')!.value).toEqual({ respondents: 57, population: 92, rate: 0.6196 });
    expect(snapshot.respondents.find((c) => c.key === 'gender=f')!.value).toEqual({ respondents: 33, population: 52, rate: 0.6346 });
    expect(snapshot.catalogue.variables.find((v) => v.name === Breakdown.Region)!.categories).toEqual(['abai', 'akmola']);
    expect(snapshot.respondents.map((c) => c.key)).toEqual(['national', 'gender=f', 'gender=m', 'region=abai', 'region=akmola', 'gender=f|region=abai', 'gender=f|region=akmola', 'gender=m|region=abai', 'gender=m|region=akmola']);
    expect(snapshot.suppressed.counts).toEqual([]);
  });

  it('protects a small undisclosed group like any other cell: suppressed, and never alone in its equations', async () => {
    const snapshot = await snapshotOf(groups(3));
    expect(snapshot.suppressed.counts).toContain(`region=${UNDISCLOSED}`);
    expect(snapshot.suppressed.counts.filter((k) => k.startsWith('region=') && !k.includes(UNDISCLOSED)).length).toBeGreaterThanOrEqual(1);
  });

  it('keeps item statistics of a reverse-scored item on the scale as asked', async () => {
    const snapshot = await snapshotOf();
    const q2Men = snapshot.questions.find((q) => q.name === 'q2')!.cells.find((c) => c.key === 'gender=m')!;
    expect(q2Men.value).toMatchObject({ n: 24, mean: 3 });
  });

  it('suppresses a dimension cell whose every respondent has the same score (group disclosure)', async () => {
    const snapshot = await snapshotOf();
    const cells = snapshot.dimensions[0].cells.filter((c) => c.tableId !== 'national' && c.tableId !== 'region');
    expect(cells.map((c) => c.value)).toEqual(cells.map(() => null));
  });

  it('reports the women − men gap with Welch and BH and marks it significant', async () => {
    const snapshot = await snapshotOf();
    const gap = snapshot.genderGaps.gaps.find((g) => g.subject === 'question' && g.id === 'q1' && g.within === 'national')!;
    expect(gap.gap.difference).toBe(1);
    expect(gap.significant).toBe(true);
    expect(snapshot.genderGaps.gaps.every((g) => !g.within.includes(UNDISCLOSED))).toBe(true);
  });

  it('gives the same bytes whatever order the groups arrive in', async () => {
    const input = groups();
    const reversed: SurveyGroups = {
      population: [...input.population].reverse(),
      respondents: [...input.respondents].reverse(),
      answers: [...input.answers].reverse(),
      scores: [...input.scores].reverse(),
      choiceAnswered: [...input.choiceAnswered].reverse(),
      choiceChosen: [...input.choiceChosen].reverse(),
    };
    expect(canonicalize(await snapshotOf(reversed))).toBe(canonicalize(await snapshotOf(input)));
  });

  it('refuses responses outside the register population instead of publishing', () => {
    const input = groups();
    const catalogue = surveyCatalogue([[], [Breakdown.Gender]], { [Breakdown.Gender]: ['f', 'm'] }, input.population);
    const stray = { ...input, respondents: [...input.respondents, { attributes: { [Breakdown.Gender]: 'x' }, respondents: 1 }] };
    expect(() => surveyMicrocells(catalogue, stray, questions, ['motivation'], choices)).toThrow(/no register population/);
  });

  it('publishes a multiple choice nationally and by gender: who answered, and how many chose each option, hiding an option only where it must', async () => {
    const snapshot = await snapshotOf();
    const formats = snapshot.choices.find((c) => c.name === 'formats')!;
    expect(formats).toMatchObject({ kind: 'multiple-choice', options: ['online', 'seminar', 'rare'] });
    expect(formats.cells.map((c) => c.key)).toEqual(['national', 'gender=f', 'gender=m']);
    // 57 respondents, two of each of the four groups with a region skipped it; shares of those who answered, several options each.
    expect(formats.cells[0].value).toEqual({
      n: 49,
      options: [
        { count: 30, share: 0.6122, shareCi: expect.any(Object) },
        { count: 25, share: 0.5102, shareCi: expect.any(Object) },
        { count: 9, share: 0.1837, shareCi: expect.any(Object) },
      ],
    });
    // One woman chose "rare": hidden among women, and so among men (women + men = national); the other options stay.
    expect(formats.cells[1].value).toMatchObject({ n: 29, options: [{ count: 18 }, { count: 15 }, null] });
    expect(formats.cells[2].value).toMatchObject({ n: 20, options: [{ count: 12 }, { count: 10 }, null] });
    expect(snapshot.suppressed.choices[choiceReleaseId('formats', 2)]).toEqual(['gender=f', 'gender=m']);
    expect(snapshot.suppressed.choices[choiceReleaseId('formats', 0)]).toEqual([]);
  });

  it('publishes a single choice as one distribution over its options, adding up to n', async () => {
    const snapshot = await snapshotOf();
    const mode = snapshot.choices.find((c) => c.name === 'mode')!;
    const national = mode.cells.find((c) => c.key === 'national')!.value!;
    expect(national.n).toBe(57);
    expect(national.options.map((o) => o!.count)).toEqual([25, 20, 12]);
    expect(national.options.reduce((sum, o) => sum + o!.share!, 0)).toBeCloseTo(1, 3);
    // A block is published or suppressed whole: no cell shows some options and not others.
    expect(mode.cells.every((c) => c.value === null || c.value.options.every((o) => o !== null))).toBe(true);
  });

  it('reads a release stored before choice questions were published as one that published none', async () => {
    const { choices: _published, suppressed: { choices: _suppressed, ...suppressed }, ...rest } = await snapshotOf();
    const formatOne = JSON.parse(JSON.stringify({ ...rest, format: 'jqc-survey-snapshot/1', suppressed })) as SurveySnapshot;
    const upgraded = upgradeSurveySnapshot(formatOne);
    expect(upgraded.choices).toEqual([]);
    expect(upgraded.suppressed).toEqual({ ...suppressed, choices: {} });
    expect(upgraded.questions).toEqual(rest.questions);
  });

  it('refuses a single choice whose answers are not one option each', () => {
    const input = groups();
    const catalogue = surveyCatalogue([[], [Breakdown.Gender]], { [Breakdown.Gender]: ['f', 'm'] }, input.population);
    const lost = { ...input, choiceChosen: input.choiceChosen.filter((row) => !(row.question === 'mode' && row.option === 2)) };
    expect(() => surveyMicrocells(catalogue, lost, questions, ['motivation'], choices)).toThrow(/of them an option/);
  });
});
