import { DefaultNamingStrategy, NamingStrategyInterface, Table } from 'typeorm';

function snake(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function tableName(table: Table | string): string {
  const name = typeof table === 'string' ? table : table.name;
  return name.replace(/\./g, '_');
}

/**
 * snake_case columns and readable constraint names (`pk_user`, `fk_session_user_id`,
 * `uq_user_login`), so that migrations and error messages name things a person can find.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName: string | undefined): string {
    return customName ?? snake(className);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake(prefixes.concat(customName ?? propertyName).join('_'));
  }

  override relationName(propertyName: string): string {
    return snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return snake(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}_${secondTableName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snake(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(table: Table | string): string {
    return `pk_${tableName(table)}`;
  }

  override uniqueConstraintName(table: Table | string, columnNames: string[]): string {
    return `uq_${tableName(table)}_${columnNames.join('_')}`;
  }

  override foreignKeyName(table: Table | string, columnNames: string[]): string {
    return `fk_${tableName(table)}_${columnNames.join('_')}`;
  }

  override indexName(table: Table | string, columnNames: string[]): string {
    return `ix_${tableName(table)}_${columnNames.join('_')}`;
  }

  override relationConstraintName(table: Table | string, columnNames: string[]): string {
    return `rel_${tableName(table)}_${columnNames.join('_')}`;
  }

  override checkConstraintName(table: Table | string, expression: string, isEnum?: boolean): string {
    return isEnum ? `ck_${tableName(table)}_enum_${expression.replace(/\W+/g, '_')}` : super.checkConstraintName(table, expression);
  }
}
