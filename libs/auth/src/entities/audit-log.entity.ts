import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what administrative action: launched, closed, exported, changed. Never who
 * answered what. Append-only: the application role may insert and read, not update or delete.
 */
@Entity({ schema: 'auth', name: 'audit_log' })
@Index('ix_audit_log_occurred_at', ['occurredAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_log' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  /** No foreign key: the record outlives the account. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  actorLogin: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  targetType: string;

  @Column({ type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
