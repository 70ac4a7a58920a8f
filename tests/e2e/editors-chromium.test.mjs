// @ts-check
/** The listing editors in Chromium: see editor-suite.mjs for what is checked. */
import { listingEditors } from "./editor-suite.mjs";

listingEditors("chromium");
