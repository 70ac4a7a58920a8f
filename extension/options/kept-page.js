// @ts-check
/**
 * Mounts the kept listings section (extension/options/kept.js) into the options page's
 * `#kept` section; a module entry so the rest of the page stays classic scripts.
 */
import { mountKept } from "./kept.js";

const root = document.getElementById("kept");
if (root) mountKept(root);
