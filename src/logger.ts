import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Paths that could carry personal data if an object were ever logged whole. Handlers log ids and
 * outcomes only; redaction is the second line of defence.
 */
export const REDACTED_PATHS = [
  "*.text",
  "*.caption",
  "*.first_name",
  "*.last_name",
  "*.username",
  "*.phone_number",
  "*.email",
  "*.phone",
  "*.firstName",
  "*.lastName",
  "*.address",
  "*.payload",
  "update.message",
  "update.callback_query",
  "update.edited_message",
  "ctx",
];

/** Creates the application logger; `destination` lets tests capture what would be written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

export type { Logger };
