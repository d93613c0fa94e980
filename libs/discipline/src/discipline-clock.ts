import { Injectable } from '@nestjs/common';

/** Kazakhstan has kept one time zone, UTC+5, since 1 March 2024. */
const KAZAKHSTAN_UTC_OFFSET_MS = 5 * 3600_000;

/** Today's date in Kazakhstan, which bounds every date the Jury enters. Replaced in tests. */
@Injectable()
export class DisciplineClock {
  today(now = new Date()): string {
    return new Date(now.getTime() + KAZAKHSTAN_UTC_OFFSET_MS).toISOString().slice(0, 10);
  }
}
