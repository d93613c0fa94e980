import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-recommended memory and time costs). */
@Injectable()
export class PasswordHasher {
  // Verified when the login is unknown, so that both failures take the same time.
  private readonly decoy = argon2.hash('decoy password that matches nothing');

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
