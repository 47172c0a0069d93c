import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { writeBackup } from "./services/backup.js";
import { tryLease } from "./services/locks.js";

/**
 * Scheduled backups (O7): every `backup.intervalHours` (0 turns them off), keeping the newest
 * `backup.keep` archives. With several instances, a lease per interval lets one of them do it.
 */
export function startBackupSchedule(config: Config, logger: Logger): { stop(): void } {
  const intervalMs = config.backup.intervalHours * 3_600_000;
  if (intervalMs <= 0) return { stop() {} };
  const runOnce = async () => {
    const slot = Math.floor(Date.now() / intervalMs);
    if (!(await tryLease(`backup:${slot}`, intervalMs))) return;
    const { file, documents, bytes } = await writeBackup(config.backup.dir, config.encryptionKey, config.backup.keep, new Date());
    logger.info({ file, documents, bytes }, "backup written");
  };
  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => logger.error({ err: error }, "scheduled backup failed"));
  }, Math.min(intervalMs, 3_600_000));
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
