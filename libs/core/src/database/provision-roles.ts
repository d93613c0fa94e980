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

/**
 * Creates the access group roles and the application login roles, idempotently, as the
 * schema owner (which needs CREATEROLE). Afterwards neither login role can connect to any
 * database but this one, create anything, or use a temporary table.
 */
export async function provisionDatabaseRoles(owner: DataSource, config: AppConfig): Promise<void> {
  const logins = [
    loginRoleOf(config.DATABASE_EVALUATION_URL, ACCESS_ROLES.evaluation),
    loginRoleOf(config.DATABASE_DISCIPLINE_URL, ACCESS_ROLES.discipline),
  ];
  if (logins[0].user === logins[1].user) {
    throw new Error('DATABASE_EVALUATION_URL and DATABASE_DISCIPLINE_URL must use different database users');
  }
  const [{ database }] = await owner.query('SELECT current_database() AS database');
  await owner.transaction(async (tx) => {
    for (const group of Object.values(ACCESS_ROLES)) {
      const exists = await tx.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [group]);
      if (exists.length === 0) await tx.query(`CREATE ROLE ${ident(group)} NOLOGIN`);
    }
    for (const login of logins) {
      const exists = await tx.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.user]);
      // Only a superuser may restate the superuser attribute, so an existing role just gets its password.
      await tx.query(
        exists.length === 0
          ? `CREATE ROLE ${ident(login.user)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT PASSWORD ${literal(login.password)}`
          : `ALTER ROLE ${ident(login.user)} LOGIN PASSWORD ${literal(login.password)}`,
      );
      await tx.query(`GRANT ${ident(login.group)} TO ${ident(login.user)}`);
    }
    await tx.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await tx.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    for (const login of logins) await tx.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(login.user)}`);
  });
}
