// @ts-check
/**
 * Saves an evidence record (extension/protocol.js EvidenceRecord) as a JSON file through
 * the browser's ordinary download of a link: no downloads permission, no network.
 */

/** How long the file's object URL lives after the download starts. */
const URL_LIFETIME_MS = 60_000;

/**
 * The file name of a record: "clearmark-evidence-<yyyy-mm-dd>.json".
 * @param {EvidenceRecord} record
 */
export function fileName(record) {
  return `clearmark-evidence-${record.generatedAt.slice(0, 10)}.json`;
}

/**
 * Starts the download of `record` as indented JSON.
 * @param {EvidenceRecord} record
 */
export function downloadEvidence(record) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2) + "\n"], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName(record);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
}
