import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { ScheduledJob } from "./scheduler.js";
import { writeBackup } from "./services/backup.js";
import { tryLease } from "./services/locks.js";

/**
 * Scheduled backups (O7), run by the scheduler: every `backup.intervalHours` (0 turns them off:
 * no job), keeping the newest `backup.keep` archives. The job looks at least hourly and the
 * first look is one period after start, so restarts do not each write an archive; with several
 * instances, a lease per interval lets one of them do it.
 */
export function createBackupJob(config: Config, logger: Logger): ScheduledJob | undefined {
  const intervalMs = config.backup.intervalHours * 3_600_000;
  if (intervalMs <= 0) return undefined;
  const checkMs = Math.min(intervalMs, 3_600_000);
  return {
    name: "backup",
    everyMs: checkMs,
    firstAfterMs: checkMs,
    async round() {
      const slot = Math.floor(Date.now() / intervalMs);
      if (!(await tryLease(`backup:${slot}`, intervalMs))) return;
      const { file, documents, bytes } = await writeBackup(config.backup.dir, config.encryptionKey, config.backup.keep, new Date());
      logger.info({ file, documents, bytes }, "backup written");
    },
  };
}
