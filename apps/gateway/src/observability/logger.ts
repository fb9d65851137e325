import pino, { type Logger } from "pino";

export type { Logger };

/** JSON lines; secrets and prompt content are redacted wherever they might appear. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { service: "gateway" },
      redact: {
        paths: ["authorization", "apiKey", "*.apiKey", "messages", "*.messages", "prompt", "completion"],
        censor: "[redacted]",
      },
    },
    pino.destination({ sync: false }),
  );
}
