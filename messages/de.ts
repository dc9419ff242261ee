import common from "./de/common.json";

export default { common };
