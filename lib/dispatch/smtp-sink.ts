// A real SMTP server on a random local port for the tests: it keeps every message it accepted,
// parsed, and lets a test refuse recipients or act at the moment a message has fully arrived.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TSmtpSink = {
  url: string;
  messages: ParsedMail[];
  /** Called once a message has arrived in full, before the server acknowledges it. */
  onMessage?: (mail: ParsedMail) => void;
  refuseRecipients: boolean;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<TSmtpSink> {
  const sink: TSmtpSink = {
    url: "",
    messages: [],
    refuseRecipients: false,
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!sink.refuseRecipients) return callback();
      callback(Object.assign(new Error(`no such mailbox: ${address.address}`), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          sink.messages.push(mail);
          sink.onMessage?.(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("SMTP sink has no port");
  sink.url = `smtp://127.0.0.1:${address.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
