import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RegionEntity } from './region.entity';

@Entity({ schema: 'registry', name: 'court' })
@Unique('uq_court_code', ['code'])
@Check('ck_court_level', `"level" IN ('district', 'regional', 'supreme')`)
@Check('ck_court_specialisation', `"specialisation" IN ('general', 'economic', 'administrative', 'criminal', 'juvenile', 'military')`)
export class CourtEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_court' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  nameKk: string;

  @Column({ type: 'text' })
  nameRu: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  level: string;

  @Column({ type: 'text' })
  specialisation: string;

  @Column({ type: 'text' })
  regionCode: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_court_region_code' })
  region?: RegionEntity;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Generated for demos, tests and benchmarks; such records are labelled synthetic wherever they appear. */
  @Column({ type: 'boolean', default: false })
  synthetic: boolean;
}
