#include "plugin-server/jobs/journal_observer.h"

namespace vic::server {

void JournalObserver::stepStarted(std::size_t index, std::size_t total, const std::string& name,
                                  const std::string& description) {
  journal_.stepStarted(op_, static_cast<int>(index), static_cast<int>(total), name, description);
  journal_.log(
      op_, "step " + std::to_string(index + 1) + "/" + std::to_string(total) + ": " + description);
}

void JournalObserver::undoRecorded(const std::string&, const engine::Undo& undo) {
  seqs_.push_back(journal_.addUndo(op_, undo));
}

void JournalObserver::undoStarted(const engine::Undo& undo) {
  journal_.log(op_, "undoing: " + undo.kind);
}

void JournalObserver::undoFinished(const engine::Undo& undo, const std::string& error) {
  if (!seqs_.empty()) {
    if (error.empty()) journal_.undoDone(op_, seqs_.back());
    seqs_.pop_back();
  }
  ++undone_;
  if (!error.empty()) journal_.log(op_, "could not undo " + undo.kind + ": " + error);
}

void JournalObserver::log(const std::string& line) {
  journal_.log(op_, line);
}

}  // namespace vic::server
