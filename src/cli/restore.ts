/**
 * `npm run restore -- <file> [--force]`: replaces the contents of the archive's collections with
 * the archive's. Refuses while the bot runs unless --force. `npm run restore -- --finish`
 * completes a restore that was cut off while swapping collections in.
 */
import { finishInterruptedRestore, restoreBackup } from "../services/backup.js";
import { runCommand } from "./run.js";

const args = process.argv.slice(2);
const force = args.includes("--force");
const finish = args.includes("--finish");
const file = args.find((a) => !a.startsWith("--"));
if (!file && !finish) {
  console.error("usage: npm run restore -- <backup file> [--force]\n       npm run restore -- --finish   (completes an interrupted restore)");
  process.exit(64);
}

await runCommand(async (config) => {
  if (!file) {
    const finished = await finishInterruptedRestore();
    console.log(finished ? `finished the interrupted restore of ${finished}` : "no interrupted restore to finish");
    return;
  }
  const { collections, documents } = await restoreBackup(file, config.encryptionKey, { force });
  console.log(`restored ${documents} documents in ${collections} collections from ${file}`);
});
