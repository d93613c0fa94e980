import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ACCESS_ROLES } from './database-layout';

interface LoginRole {
  user: string;
  password: string;
  group: string;
}

function loginRoleOf(url: string, group: string): LoginRole {
  const parsed = new URL(url);
  return { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password), group };
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function loginRoles(config: AppConfig): LoginRole[] {
  const logins = [
    loginRoleOf(config.DATABASE_EVALUATION_URL, ACCESS_ROLES.evaluation),
    loginRoleOf(config.DATABASE_DISCIPLINE_URL, ACCESS_ROLES.discipline),
  ];
  if (logins[0].user === logins[1].user) {
    throw new Error('DATABASE_EVALUATION_URL and DATABASE_DISCIPLINE_URL must use different database users');
  }
  return logins;
}

/**
 * Creates the access group roles and the application login roles, idempotently, as the
 * schema owner (which needs CREATEROLE), then grants this database to them alone.
 */
export async function provisionDatabaseRoles(owner: DataSource, config: AppConfig): Promise<void> {
  await owner.transaction(async (tx) => {
    for (const group of Object.values(ACCESS_ROLES)) {
      const exists = await tx.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [group]);
      if (exists.length === 0) await tx.query(`CREATE ROLE ${ident(group)} NOLOGIN`);
    }
    for (const login of loginRoles(config)) {
      const exists = await tx.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.user]);
      // Only a superuser may restate the superuser attribute, so an existing role just gets its password.
      await tx.query(
        exists.length === 0
          ? `CREATE ROLE ${ident(login.user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT PASSWORD ${literal(login.password)}`
          : `ALTER ROLE ${ident(login.user)} LOGIN PASSWORD ${literal(login.password)}`,
      );
      await tx.query(`GRANT ${ident(login.group)} TO ${ident(login.user)}`);
    }
  });
  await grantDatabaseAccess(owner, config);
}

/**
 * The database-level part alone: no one but the two login roles may connect, create or use
 * temporary tables. Needed again for a database cloned from a template (database privileges
 * are not copied); the roles themselves are cluster-wide and already exist.
 */
export async function grantDatabaseAccess(owner: DataSource, config: AppConfig): Promise<void> {
  const [{ database }] = await owner.query('SELECT current_database() AS database');
  await owner.transaction(async (tx) => {
    await tx.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await tx.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    for (const login of loginRoles(config)) await tx.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(login.user)}`);
  });
}
