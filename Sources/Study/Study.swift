import Decks
import Scheduling

/// Namespace for the study engine: session queues, quizzes and answer checking.
///
/// The engine is a state machine with no terminal and no database: it is told the cards
/// and their states, asks questions, checks answers, and reports the reviews to record.
public enum Study {}
