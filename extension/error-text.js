// @ts-check
/**
 * A thrown value as the sentence the seller reads. The wasm facade throws strings (its
 * errors are already written for sellers); browser APIs throw Errors.
 * @param {unknown} e
 * @returns {string}
 */
export function errorText(e) {
  if (typeof e === "string") return e;
  if (e instanceof Error) return e.message;
  return String(e);
}
