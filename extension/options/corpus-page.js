// @ts-check
/**
 * Mounts the reference corpus section (extension/options/corpus.js) into the options
 * page's `#corpus` section; a module entry so the rest of the page stays classic scripts.
 */
import { mountCorpus } from "./corpus.js";

const root = document.getElementById("corpus");
if (root) mountCorpus(root);
