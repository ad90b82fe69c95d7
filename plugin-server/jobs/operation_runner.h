#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stop_token>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "plugin-server/store/journal.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/vim/client.h"

namespace vic::server {

// Another operation on the same VCH is queued or running in this appliance.
class VchBusy : public Error {
 public:
  VchBusy(const std::string& what, std::string runningId)
      : Error(ErrorCode::FailedPrecondition, what), runningId(std::move(runningId)) {}
  const std::string runningId;
};

// Runs create, reconfigure, upgrade, delete and debug in the background on
// the caller's own vSphere session, journaling every step. The session's
// cookie is kept in a file readable by the server alone (never in SQLite)
// while the operation runs, so that a server restarted after a crash can
// still undo what the operation left behind as that same caller.
class OperationRunner {
 public:
  using Work =
      std::function<nlohmann::json(const std::string& opId, engine::PlanObserver& observer)>;

  OperationRunner(Journal& journal, std::filesystem::path sessionsDir, std::size_t workers = 4);
  // Stops the work: a running plan ends at its next step or task wait and
  // rolls back; what is queued is recorded as interrupted, never started.
  ~OperationRunner();

  // Journals the operation (queued) and returns its id at once. A VCH takes
  // one operation at a time: while one on meta.vchId (or, for a create, on
  // its name) is queued or running, VchBusy, and nothing is journaled.
  std::string start(OperationRecord meta, std::shared_ptr<vim::Client> client, Work work);
  // The same refusal, before a request does its (slow) preparation; start()
  // still decides.
  void refuseIfBusy(const OperationRecord& meta);

  // At start-up: every operation the last run left unfinished is marked
  // interrupted and its changes are undone from the journal, as its caller.
  void recoverInterrupted();
  // Rollbacks that had no usable session are retried with a session of the
  // same user on the same target, when one comes along: queued for the
  // workers, never run inside the caller's request.
  void resumePending(const std::string& target, const std::string& principal,
                     const std::shared_ptr<vim::Client>& client);

  Journal& journal() { return journal_; }

 private:
  struct Job {
    std::string id;
    std::shared_ptr<vim::Client> client;
    Work work;
    std::string busyKey;
    bool pendingRollback = false;  // an interrupted operation's, taken up again
  };
  void release(const std::string& busyKey);
  void refuseIfBusyLocked(const OperationRecord& meta, const std::string& busyKey);
  void worker();
  void run(Job& job);
  void resume(const Job& job);
  // Writes the operation's log to its VCH's datastore folder, where 1.5 kept
  // it, before the operation is reported finished.
  void keepLogWithVch(const Job& job, const std::string& outcome);
  void rollBack(const OperationRecord& op, vim::Client& client);
  std::filesystem::path cookieFile(const std::string& id) const { return sessionsDir_ / id; }

  Journal& journal_;
  std::filesystem::path sessionsDir_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::map<std::string, std::string> busy_;  // VCH on its target -> the operation it has
  std::set<std::string> resuming_;           // pending rollbacks queued or running
  bool stopping_ = false;
  std::stop_source stop_;
  std::vector<std::thread> threads_;
  std::mutex rollbackMutex_;  // one rollback at a time per server: they may touch the same objects
};

}  // namespace vic::server
