import common from "./en/common.json";

export default { common };
