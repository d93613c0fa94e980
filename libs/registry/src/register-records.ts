import { Locale, LocalizedText } from '@app/core';
import { CourtLevel, Gender, JudgePosition, Specialisation, StaffCategory } from './reference/codes';

/** A register row as imported, exported and generated: codes, not database ids. */
export interface CourtRecord {
  code: string;
  names: LocalizedText;
  level: CourtLevel;
  specialisation: Specialisation;
  regionCode: string;
}

export interface UnitRecord {
  code: string;
  names: LocalizedText;
  regionCode: string;
}

export interface JudgeRecord {
  personnelNumber: string;
  fullName: string;
  gender: Gender;
  birthYear: number;
  appointmentDate: string;
  courtCode: string;
  position: JudgePosition;
  /** Where invitations go, in the person's language. */
  email: string;
  language: Locale;
}

export interface StaffRecord {
  personnelNumber: string;
  fullName: string;
  gender: Gender;
  birthYear: number;
  hireDate: string;
  /** Exactly one of the two is set. */
  courtCode: string | null;
  unitCode: string | null;
  category: StaffCategory;
  email: string;
  language: Locale;
}
