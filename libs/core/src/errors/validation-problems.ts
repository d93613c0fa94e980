import { getMetadataStorage, ValidationError } from 'class-validator';
import { FieldProblem } from './domain-error';

function paramsOf(target: object | undefined, property: string, constraint: string): Record<string, string | number> {
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === constraint || m.constraintCls?.name === constraint));
  // A body sent as an array or a primitive has a target that is no DTO: no parameters to read.
  if (!metadata) return {};
  const [first] = (metadata.constraints ?? []) as unknown[];
  switch (constraint) {
    case 'min':
    case 'minLength':
      return { min: Number(first) };
    case 'max':
    case 'maxLength':
      return { max: Number(first) };
    case 'isIn':
      return { values: (first as unknown[]).join(', ') };
    case 'isEnum':
      return { values: Object.values(first as object).join(', ') };
    default:
      return {};
  }
}

/** Flattens class-validator errors into one problem per field and constraint, with dotted paths. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      reason: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
      constraint,
      params: paramsOf(error.target, error.property, constraint),
    }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}
