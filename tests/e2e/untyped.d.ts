// selenium-webdriver ships no types (and @types/selenium-webdriver lags the 4.x API);
// the harness uses a handful of its calls, checked by the e2e runs themselves.
declare module "selenium-webdriver";
declare module "selenium-webdriver/firefox.js";
declare module "selenium-webdriver/bidi/logInspector.js";
