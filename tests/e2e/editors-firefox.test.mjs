// @ts-check
/** The listing editors in Firefox: see editor-suite.mjs for what is checked. */
import { listingEditors } from "./editor-suite.mjs";

listingEditors("firefox");
