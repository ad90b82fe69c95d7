#pragma once

#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vicapi/base/error.h"
#include "vicapi/base/stop_scope.h"
#include "vicapi/engine/plan/undo_records.h"

namespace vic::vim {
class Client;
}

namespace vic::engine {

// Hears what a plan does: the server journals and shows progress from this.
class PlanObserver {
 public:
  virtual ~PlanObserver() = default;
  virtual void stepStarted(std::size_t /*index*/, std::size_t /*total*/,
                           const std::string& /*name*/, const std::string& /*description*/) {}
  virtual void undoRecorded(const std::string& /*step*/, const Undo& /*undo*/) {}
  virtual void stepFinished(std::size_t /*index*/, const std::string& /*name*/) {}
  virtual void undoStarted(const Undo& /*undo*/) {}
  // `error` is empty when the undo worked.
  virtual void undoFinished(const Undo& /*undo*/, const std::string& /*error*/) {}
  virtual void log(const std::string& /*line*/) {}
};

// Given to a running step. A step records the undo of each change right
// after making it, so that a failure halfway through a step is undone too.
class StepContext {
 public:
  StepContext(std::string step, std::vector<Undo>& undos, PlanObserver& observer)
      : step_(std::move(step)), undos_(undos), observer_(observer) {}
  void recordUndo(const UndoRecord& undo);
  void log(const std::string& line) { observer_.log(line); }

 private:
  std::string step_;
  std::vector<Undo>& undos_;
  PlanObserver& observer_;
};

struct Step {
  std::string name;         // stable id, e.g. "resource_pool"
  std::string description;  // for people, e.g. "Create resource pool vch-1"
  std::function<void(StepContext&)> run;
};

enum class FaultPoint { BeforeStep, AfterStep };
// Called around every step; throwing from it fails the plan at that point.
// Tests use it to prove that a failure anywhere leaves nothing behind.
using FaultHook = std::function<void(const std::string& step, FaultPoint point)>;

// A plan failed; what() is the step's error, and whether the rollback left
// vCenter clean. rolledBack() is false when some undo failed too.
class PlanFailed : public Error {
 public:
  // `code` is the failed step's error's.
  PlanFailed(std::string step, std::string reason, bool rolledBack,
             std::vector<std::string> undoErrors, ErrorCode code = ErrorCode::Internal);
  PlanFailed(std::string step, std::string reason, std::string what,
             ErrorCode code = ErrorCode::Internal);
  const std::string& step() const { return step_; }
  const std::string& reason() const { return reason_; }
  bool rolledBack() const { return rolledBack_; }
  const std::vector<std::string>& undoErrors() const { return undoErrors_; }

 private:
  std::string step_, reason_;
  bool rolledBack_;
  std::vector<std::string> undoErrors_;
};

// Validate, then build a plan, then execute it step by step with a recorded
// undo for each change: the original engine's pipeline, with rollback for
// every step rather than only up to VM creation.
class Plan {
 public:
  void add(Step step) { steps_.push_back(std::move(step)); }
  const std::vector<Step>& steps() const { return steps_; }
  std::vector<std::string> stepNames() const;

  // Runs every step. On failure the undos recorded so far run in reverse
  // order and PlanFailed is thrown; the original error's type is kept in
  // reason() text, and a VimFault's type name is part of it. `stop` ends the
  // plan before its next step, or in a task it waits for, and rolls back.
  void execute(vim::Client& client, PlanObserver& observer, const FaultHook& hook = {},
               std::stop_token stop = StopScope::current()) const;

  // For plans that cannot be undone (delete): stops at the first failure and
  // says so; every step must be safe to run again, so running the plan again
  // finishes the job.
  void executeForward(vim::Client& client, PlanObserver& observer, const FaultHook& hook = {},
                      std::stop_token stop = StopScope::current()) const;

 private:
  // The one step loop: `failed` gets the step, why it failed and the error's
  // code, and must throw.
  void runSteps(
      std::vector<Undo>& undos, PlanObserver& observer, const FaultHook& hook, std::stop_token stop,
      const std::function<void(const Step&, const std::string&, ErrorCode)>& failed) const;

  std::vector<Step> steps_;
};

}  // namespace vic::engine
