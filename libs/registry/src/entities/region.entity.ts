import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Territorial units, versioned: a unit created or dissolved by a reform keeps its validity dates. */
@Entity({ schema: 'registry', name: 'region' })
@Check('ck_region_kind', `"kind" IN ('region', 'city')`)
export class RegionEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_region' })
  code: string;

  @Column({ type: 'text' })
  nameKk: string;

  @Column({ type: 'text' })
  nameRu: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'integer' })
  referenceVersion: number;
}
