#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "plugin-server/store/journal.h"
#include "vicapi/engine/plan/plan.h"

namespace vic::server {

// Writes what a running plan does into the journal as it happens: each step,
// the undo of each change (before the next vSphere call), each undo run, and
// every log line.
class JournalObserver : public engine::PlanObserver {
 public:
  // `pending`: the journal's sequence numbers of undos recorded by an earlier
  // run (oldest first), for a rollback that resumes after a restart.
  JournalObserver(Journal& journal, std::string opId, std::vector<int> pending = {})
      : journal_(journal), op_(std::move(opId)), seqs_(std::move(pending)) {}

  void stepStarted(std::size_t index, std::size_t total, const std::string& name,
                   const std::string& description) override;
  void undoRecorded(const std::string& step, const engine::Undo& undo) override;
  void undoStarted(const engine::Undo& undo) override;
  void undoFinished(const engine::Undo& undo, const std::string& error) override;
  void log(const std::string& line) override;

  bool recordedUndos() const { return !seqs_.empty() || undone_ > 0; }

 private:
  Journal& journal_;
  std::string op_;
  std::vector<int> seqs_;  // undos run last-first, so the back is the next to finish
  int undone_ = 0;
};

}  // namespace vic::server
