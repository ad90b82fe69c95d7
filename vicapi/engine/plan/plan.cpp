#include "vicapi/engine/plan/plan.h"

#include "vicapi/base/stop_scope.h"
#include "vicapi/engine/plan/undo.h"
#include "vicapi/util/log.h"

namespace vic::engine {

PlanFailed::PlanFailed(std::string step, std::string reason, bool rolledBack,
                       std::vector<std::string> undoErrors, ErrorCode code)
    : Error(reason + (rolledBack ? " (every change was rolled back)"
                                 : " (rollback incomplete: " + std::to_string(undoErrors.size()) +
                                       " change(s) could not be undone)"),
            code),
      step_(std::move(step)),
      reason_(std::move(reason)),
      rolledBack_(rolledBack),
      undoErrors_(std::move(undoErrors)) {}

PlanFailed::PlanFailed(std::string step, std::string reason, std::string what, ErrorCode code)
    : Error(what, code), step_(std::move(step)), reason_(std::move(reason)), rolledBack_(false) {}

void StepContext::recordUndo(const UndoRecord& record) {
  auto undo = toUndo(record);
  observer_.undoRecorded(step_, undo);
  undos_.push_back(std::move(undo));
}

std::vector<std::string> Plan::stepNames() const {
  std::vector<std::string> out;
  for (const auto& s : steps_)
    out.push_back(s.name);
  return out;
}

void Plan::runSteps(
    std::vector<Undo>& undos, PlanObserver& observer, const FaultHook& hook, std::stop_token stop,
    const std::function<void(const Step&, const std::string&, ErrorCode)>& failed) const {
  const StopScope scope(stop);
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const Step& step = steps_[i];
    try {
      if (stop.stop_requested())
        throw Cancelled("the appliance is shutting down before " + step.description);
      observer.stepStarted(i, steps_.size(), step.name, step.description);
      if (hook) hook(step.name, FaultPoint::BeforeStep);
      StepContext ctx(step.name, undos, observer);
      step.run(ctx);
      if (hook) hook(step.name, FaultPoint::AfterStep);
      observer.stepFinished(i, step.name);
    } catch (const std::exception& e) {
      failed(step, step.description + " failed: " + e.what(), codeOf(e));
    }
  }
}

void Plan::execute(vim::Client& client, PlanObserver& observer, const FaultHook& hook,
                   std::stop_token stop) const {
  std::vector<Undo> undos;
  runSteps(undos, observer, hook, stop,
           [&](const Step& step, const std::string& reason, ErrorCode code) {
             observer.log(reason + "; rolling back " + std::to_string(undos.size()) + " change(s)");
             logger()->warn("{}; rolling back {} change(s)", reason, undos.size());
             // A rollback finishes even when the appliance is stopping: what it
             // leaves undone, nobody else knows to undo.
             const StopScope unstoppable{std::stop_token()};
             auto errors = runUndos(client, undos, observer);
             throw PlanFailed(step.name, reason, errors.empty(), errors, code);
           });
}

void Plan::executeForward(vim::Client&, PlanObserver& observer, const FaultHook& hook,
                          std::stop_token stop) const {
  std::vector<Undo> ignored;
  runSteps(ignored, observer, hook, stop,
           [&](const Step& step, const std::string& reason, ErrorCode code) {
             observer.log(reason);
             throw PlanFailed(
                 step.name, reason,
                 reason + " (what is done stays done; run the operation again to finish)", code);
           });
}

}  // namespace vic::engine
