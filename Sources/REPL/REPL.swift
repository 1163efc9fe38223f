import Decks
import Progress
import Study
import Terminal

/// Namespace for the interactive program: the main prompt, study sessions and quizzes.
public enum REPL {
    /// recall's version, as `recall --version` prints it.
    public static let version = "0.1.0"
}
