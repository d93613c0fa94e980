import { IsIn, IsString, MaxLength, validateSync } from 'class-validator';
import { toFieldProblems } from './validation-problems';

class Sample {
  @IsString()
  @MaxLength(3)
  name: unknown;

  @IsIn(['kk', 'ru', 'en'])
  language: unknown;
}

describe('toFieldProblems', () => {
  it('names each field, its constraint and the constraint parameters', () => {
    const sample = Object.assign(new Sample(), { name: 'toolong', language: 'de' });
    const problems = toFieldProblems(validateSync(sample));
    expect(problems).toEqual([
      { field: 'name', constraint: 'maxLength', params: { max: 3 }, reason: 'must be shorter than or equal to 3 characters' },
      { field: 'language', constraint: 'isIn', params: { values: 'kk, ru, en' }, reason: 'must be one of the following values: kk, ru, en' },
    ]);
  });

  it('describes a body sent as an array instead of throwing: its target is no DTO', () => {
    const errors = validateSync(Object.assign(new Sample(), { name: 'ok' }));
    for (const error of errors) error.target = ['de', 1e-71, false];
    expect(toFieldProblems(errors)).toEqual([{ field: 'language', constraint: 'isIn', params: {}, reason: 'must be one of the following values: kk, ru, en' }]);
  });
});
