import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The one link the message is about (reset, invitation): logged when no SMTP server is configured. */
  link: string;
}

export interface Mailer {
  /** Resolves once the message is handed to the SMTP server (or logged). */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  mailFrom: string;
  logger: FastifyBaseLogger;
}

/**
 * SMTP when SMTP_URL is set. Without it (a laptop install, a self-hoster who has not set up mail yet)
 * the message and its link are written to the server log, so an admin can still pass links on.
 */
export function createMailer(options: MailerOptions): Mailer {
  const { smtpUrl, mailFrom, logger } = options;
  if (!smtpUrl) {
    return {
      async send(message) {
        logger.info(
          { mail: { to: message.to, subject: message.subject, link: message.link } },
          `Email not sent (SMTP_URL is not set): "${message.subject}" to ${message.to}: ${message.link}`,
        );
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({
        from: mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      logger.info({ mail: { to: message.to, subject: message.subject } }, 'Email sent');
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Sends without making the caller wait: response times must not reveal whether an address has an
 * account (a slow SMTP server would), and a failed delivery is logged rather than failing the request.
 */
export function sendInBackground(mailer: Mailer, logger: FastifyBaseLogger, message: MailMessage): void {
  mailer.send(message).catch((error: unknown) => {
    logger.error({ err: error, mail: { to: message.to, subject: message.subject } }, 'Email delivery failed');
  });
}
