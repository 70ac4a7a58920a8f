// @ts-check
/**
 * Mounts the snapshot update section (extension/options/updates.js) into the options
 * page's `#updates` section; a module entry so the rest of the page stays classic scripts.
 */
import { mountUpdates } from "./updates.js";

const root = document.getElementById("updates");
if (root) mountUpdates(root);
