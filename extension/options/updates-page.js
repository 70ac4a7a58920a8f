// @ts-check
/**
 * The stand-alone updates page (extension/options/updates.html): mounts the update section
 * on its own, for sellers who open it from the popup and for the e2e tests. The options
 * page embeds the same section with `mountUpdates`.
 */
import { mountUpdates } from "./updates.js";

const root = document.getElementById("updates");
if (root) mountUpdates(root);
