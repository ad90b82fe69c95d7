#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/plan/plan.h"

namespace vic::engine {

// Runs undo records (their kinds: undo_records.h). Every kind is idempotent
// and treats "already gone" or "already so" as done, so a half-finished
// rollback can simply run again (after a server restart, from the journal).
void runUndo(vim::Client& client, const Undo& undo);

// Runs `undos` from last to first, going on past failures; returns the
// failures' messages (empty when everything was undone).
std::vector<std::string> runUndos(vim::Client& client, const std::vector<Undo>& undos,
                                  PlanObserver& observer);

}  // namespace vic::engine
