/** `npm run backup`: writes an encrypted archive of the whole database to BACKUP_DIR. */
import { writeBackup } from "../services/backup.js";
import { runCommand } from "./run.js";

await runCommand(async (config) => {
  const { file, collections, documents, bytes } = await writeBackup(config.backup.dir, config.encryptionKey, config.backup.keep, new Date());
  console.log(`backup written: ${file} (${collections} collections, ${documents} documents, ${bytes} bytes)`);
});
