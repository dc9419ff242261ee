import actions from "./en/actions.json";
import auth from "./en/auth.json";
import classes from "./en/classes.json";
import common from "./en/common.json";
import flashcards from "./en/flashcards.json";
import mail from "./en/mail.json";
import map from "./en/map.json";
import progress from "./en/progress.json";
import quiz from "./en/quiz.json";
import topics from "./en/topics.json";

export default { actions, auth, classes, common, flashcards, mail, map, progress, quiz, topics };
