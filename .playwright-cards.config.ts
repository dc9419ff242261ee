// Temporary (flashcards engineer): the shared config with a longer web-server start-up for a
// production build on an overloaded machine. Deleted after the run.
import base from "./playwright.config";
export default { ...base, webServer: { ...(base.webServer as object), timeout: 1_800_000 } };
