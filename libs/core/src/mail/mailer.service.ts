import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail over SMTP (a local catcher in development and tests, a real relay in production). */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    // Pooled: invitations go out by the thousand, and a connection per message would dominate.
    this.transport = createTransport({ url: config.SMTP_URL, pool: true, maxConnections: 4, maxMessages: Infinity } as Parameters<typeof createTransport>[0]);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...mail });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
