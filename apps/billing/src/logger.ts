/** The slice of pino the billing service uses; tests pass a silent pino or a collecting stub. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
