import actions from "./de/actions.json";
import auth from "./de/auth.json";
import classes from "./de/classes.json";
import common from "./de/common.json";
import flashcards from "./de/flashcards.json";
import mail from "./de/mail.json";
import map from "./de/map.json";
import progress from "./de/progress.json";
import quiz from "./de/quiz.json";
import topics from "./de/topics.json";

export default { actions, auth, classes, common, flashcards, mail, map, progress, quiz, topics };
