import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { CoreError, CoreErrorCode, ErrorKind } from '@app/core';

/** A UUID path parameter whose error names the parameter. */
export function uuidParam(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    version: '4',
    exceptionFactory: () =>
      new CoreError(CoreErrorCode.ValidationFailed, ErrorKind.Invalid, `${field} must be a UUID`, [
        { field, reason: 'must be a UUID', constraint: 'isUuid' },
      ]),
  });
}

/** A positive integer path parameter (a version number) whose error names the parameter. */
export function positiveIntParam(field: string): ParseIntPipe {
  return new ParseIntPipe({
    exceptionFactory: () =>
      new CoreError(CoreErrorCode.ValidationFailed, ErrorKind.Invalid, `${field} must be a whole number`, [
        { field, reason: 'must be an integer', constraint: 'isInt' },
      ]),
  });
}
