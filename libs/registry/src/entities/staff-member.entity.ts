import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { AdministrationUnitEntity } from './administration-unit.entity';
import { CourtEntity } from './court.entity';

@Entity({ schema: 'registry', name: 'staff_member' })
@Unique('uq_staff_member_personnel_number', ['personnelNumber'])
@Index('ix_staff_member_court_id', ['courtId'])
@Check('ck_staff_member_language', `"language" IN ('kk', 'ru', 'en')`)
@Check('ck_staff_member_gender', `"gender" IN ('f', 'm')`)
@Check('ck_staff_member_category', `"category" IN ('senior', 'specialist', 'court-secretary', 'assistant', 'support')`)
@Check('ck_staff_member_birth_year', `"birth_year" BETWEEN 1900 AND 2100`)
@Check('ck_staff_member_one_workplace', `("court_id" IS NULL) <> ("unit_id" IS NULL)`)
export class StaffMemberEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_staff_member' })
  id: string;

  @Column({ type: 'text' })
  personnelNumber: string;

  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  gender: string;

  @Column({ type: 'integer' })
  birthYear: number;

  @Column({ type: 'date' })
  hireDate: string;

  @Column({ type: 'uuid', nullable: true })
  courtId: string | null;

  @ManyToOne(() => CourtEntity)
  @JoinColumn({ name: 'court_id', foreignKeyConstraintName: 'fk_staff_member_court_id' })
  court?: CourtEntity;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => AdministrationUnitEntity)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_staff_member_unit_id' })
  unit?: AdministrationUnitEntity;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  email: string;

  /** Language of this person's invitations and reminders. */
  @Column({ type: 'text', default: 'kk' })
  language: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'boolean', default: false })
  synthetic: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
