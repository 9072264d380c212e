import type { Logger } from '@yuqing/schemas';
import { Logger as CrawleeLogger, Log, LogLevel } from 'crawlee';

/** Sends Crawlee's log lines to our pino logger; Crawlee's chatty INFO lines become debug. */
class PinoBridge extends CrawleeLogger {
  constructor(private readonly pino: Logger) {
    super({});
  }

  override _log(level: LogLevel, message: string, data?: unknown, exception?: unknown): void {
    const fields = {
      ...(data && typeof data === 'object' ? data : {}),
      ...(exception ? { err: exception } : {}),
    };
    if (level === LogLevel.ERROR) this.pino.error(fields, message);
    else if (level === LogLevel.WARNING || level === LogLevel.SOFT_FAIL) this.pino.warn(fields, message);
    else this.pino.debug(fields, message);
  }
}

export function crawleeLog(logger: Logger): Log {
  // Formatting lines nobody reads costs time: ask Crawlee for debug lines only when pino wants them.
  const level = logger.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.WARNING;
  return new Log({ level, logger: new PinoBridge(logger.child({ lib: 'crawlee' })) });
}
