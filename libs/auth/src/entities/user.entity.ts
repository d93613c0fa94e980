import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Role } from '../role';

@Entity({ schema: 'auth', name: 'user' })
@Unique('uq_user_login', ['login'])
@Check('ck_user_login_lowercase', `"login" = lower("login")`)
@Check('ck_user_role', `"role" IN ('admin', 'commission', 'hr', 'judge', 'jury')`)
@Check('ck_user_locale', `"locale" IN ('kk', 'ru', 'en')`)
@Check('ck_user_judge_id_role', `"judge_id" IS NULL OR "role" = 'judge'`)
@Index('uq_user_judge_id', ['judgeId'], { unique: true, where: `"judge_id" IS NOT NULL` })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user' })
  id: string;

  @Column({ type: 'text' })
  login: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', default: 'kk' })
  locale: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** For a `judge` account: the registry judge it belongs to (one account per judge), so the judge can read their own peer feedback. */
  @Column({ type: 'uuid', nullable: true })
  judgeId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
