import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RegionEntity } from './region.entity';

/** Offices of the Court Administration (its central office and its regional branches), where staff also work. */
@Entity({ schema: 'registry', name: 'administration_unit' })
@Unique('uq_administration_unit_code', ['code'])
export class AdministrationUnitEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_administration_unit' })
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
  regionCode: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', referencedColumnName: 'code', foreignKeyConstraintName: 'fk_administration_unit_region_code' })
  region?: RegionEntity;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
