import createDebug from 'debug';

/** The `debug` namespaces berth writes to. Enable with `DEBUG=berth*`. */
export type LogNamespace =
  | 'berth'
  | 'berth:engine'
  | 'berth:pull'
  | 'berth:build'
  | 'berth:wait'
  | 'berth:container'
  | 'berth:reaper'
  | 'berth:network'
  | 'berth:volume';

/** A logger in the shape testcontainers-node exports as `log`. */
export interface Logger {
  trace(message: string, options?: LogOptions): void;
  debug(message: string, options?: LogOptions): void;
  info(message: string, options?: LogOptions): void;
  warn(message: string, options?: LogOptions): void;
  error(message: string, options?: LogOptions): void;
  enabled(): boolean;
}

/** Context prefixed to a log line. */
export interface LogOptions {
  /** The container id; its first 12 characters prefix the line. */
  containerId?: string;
  /** The image; prefixes the line. */
  image?: string;
}

/** Creates a logger for one namespace. Lines read `[LEVEL] [<12-char id>] [<image>] message`. */
export function createLogger(namespace: LogNamespace): Logger {
  const write = createDebug(namespace);
  const line = (level: string, message: string, options?: LogOptions): void => {
    if (!write.enabled) return;
    const prefix = [`[${level}]`];
    if (options?.containerId) prefix.push(`[${options.containerId.slice(0, 12)}]`);
    if (options?.image) prefix.push(`[${options.image}]`);
    write(`${prefix.join(' ')} ${message}`);
  };
  return {
    trace: (m, o) => line('TRACE', m, o),
    debug: (m, o) => line('DEBUG', m, o),
    info: (m, o) => line('INFO', m, o),
    warn: (m, o) => line('WARN', m, o),
    error: (m, o) => line('ERROR', m, o),
    enabled: () => write.enabled === true, // debug 4.4 reports `undefined` until DEBUG is set
  };
}

/** The root `berth` logger (exported as `log` for testcontainers compatibility). */
export const log: Logger = createLogger('berth');
