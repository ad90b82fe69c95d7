#include "plugin-server/jobs/operation_runner.h"

#include <fstream>

#include "plugin-server/jobs/journal_observer.h"
#include "vicapi/base/stop_scope.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/plan/undo.h"
#include "vicapi/engine/vch_logs.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"

namespace vic::server {

namespace fs = std::filesystem;

namespace {

// What an operation holds while it is queued or running: its VCH, or, for a
// create, which has no VCH yet, the name (two creates of one name take turns).
std::string busyKeyOf(const OperationRecord& meta) {
  if (!meta.vchId.empty()) return meta.target + " vch " + meta.vchId;
  if (!meta.vchName.empty()) return meta.target + " name " + meta.vchName;
  return "";
}

}  // namespace

OperationRunner::OperationRunner(Journal& journal, fs::path sessionsDir, std::size_t workers)
    : journal_(journal), sessionsDir_(std::move(sessionsDir)) {
  fs::create_directories(sessionsDir_);
  fs::permissions(sessionsDir_, fs::perms::owner_all, fs::perm_options::replace);
  for (std::size_t i = 0; i < workers; ++i)
    threads_.emplace_back([this] { worker(); });
}

OperationRunner::~OperationRunner() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.request_stop();
  wake_.notify_all();
  for (auto& t : threads_)
    t.join();
}

std::string OperationRunner::start(OperationRecord meta, std::shared_ptr<vim::Client> client,
                                   Work work) {
  const std::string busyKey = busyKeyOf(meta);
  std::string id;
  {
    std::lock_guard lock(mutex_);
    refuseIfBusyLocked(meta, busyKey);
    id = journal_.begin(meta);
    if (!busyKey.empty()) busy_[busyKey] = id;
  }
  try {
    crypto::writePrivateKey(cookieFile(id), client->transport().sessionCookie());
  } catch (...) {
    release(busyKey);
    journal_.finish(id, "failed", "the session could not be kept for recovery", "");
    throw;
  }
  {
    std::lock_guard lock(mutex_);
    queue_.push_back({id, std::move(client), std::move(work), busyKey});
  }
  wake_.notify_one();
  return id;
}

void OperationRunner::refuseIfBusy(const OperationRecord& meta) {
  std::lock_guard lock(mutex_);
  refuseIfBusyLocked(meta, busyKeyOf(meta));
}

void OperationRunner::refuseIfBusyLocked(const OperationRecord& meta, const std::string& busyKey) {
  const auto held = busy_.find(busyKey);
  if (held == busy_.end()) return;
  // A request checks before it has read the VCH's name; the running operation knows it.
  const auto running = journal_.get(held->second, false);
  const std::string name = !meta.vchName.empty() ? meta.vchName
                           : running             ? running->vchName
                                                 : meta.vchId;
  throw VchBusy(name + " is busy: its " + (running ? running->kind : "operation") + " " +
                    held->second + " has not ended; try again once it has",
                held->second);
}

void OperationRunner::release(const std::string& busyKey) {
  std::lock_guard lock(mutex_);
  busy_.erase(busyKey);
}

void OperationRunner::worker() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) {
        while (!queue_.empty()) {
          const std::string id = queue_.front().id;
          const bool pendingRollback = queue_.front().pendingRollback;
          queue_.pop_front();
          if (pendingRollback) continue;  // stays pending for the next run
          journal_.finish(id, "interrupted", "the appliance stopped before this operation started",
                          "complete");
          std::error_code ignored;
          fs::remove(cookieFile(id), ignored);
        }
        return;
      }
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    const StopScope scope(stop_.get_token());
    if (job.pendingRollback)
      resume(job);
    else
      run(job);
    release(job.busyKey);
  }
}

void OperationRunner::keepLogWithVch(const Job& job, const std::string& outcome) {
  const auto op = journal_.get(job.id, false);
  // After a delete (or a create rolled back) there is no folder to keep it in.
  if (!op || op->vchId.empty() || op->kind == "delete") return;
  try {
    const auto vch = engine::loadVch(*job.client, op->vchId);
    engine::writeVchLog(*job.client, vch,
                        engine::vchLogName(std::chrono::system_clock::now(), op->kind, job.id),
                        journal_.operationLog(job.id, outcome));
  } catch (const std::exception& e) {
    // The journal still has it; only other appliances will miss it.
    logger()->warn("the log of operation {} could not be written to VCH {}'s folder: {}", job.id,
                   op->vchId, e.what());
  }
}

void OperationRunner::run(Job& job) {
  journal_.running(job.id);
  JournalObserver observer(journal_, job.id);
  try {
    nlohmann::json result = job.work(job.id, observer);
    journal_.log(job.id, "finished successfully");
    keepLogWithVch(job, "succeeded");
    journal_.finish(job.id, "succeeded", "", "", result);
  } catch (const engine::PlanFailed& e) {
    const bool stopped = e.code() == ErrorCode::Cancelled;
    journal_.log(job.id, std::string(stopped ? "interrupted: " : "failed: ") + e.what());
    keepLogWithVch(job, stopped ? "interrupted" : "failed");
    journal_.finish(job.id, stopped ? "interrupted" : "failed", e.what(),
                    e.rolledBack() ? "complete" : "incomplete");
  } catch (const std::exception& e) {
    journal_.log(job.id, std::string("failed: ") + e.what());
    keepLogWithVch(job, "failed");
    journal_.finish(job.id, "failed", e.what(), observer.recordedUndos() ? "incomplete" : "");
  }
  std::error_code ignored;
  fs::remove(cookieFile(job.id), ignored);
}

void OperationRunner::rollBack(const OperationRecord& op, vim::Client& client) {
  std::lock_guard lock(rollbackMutex_);
  std::vector<int> seqs;
  std::vector<engine::Undo> undos;
  for (auto& [seq, undo] : journal_.pendingUndos(op.id)) {
    seqs.push_back(seq);
    undos.push_back(std::move(undo));
  }
  JournalObserver observer(journal_, op.id, std::move(seqs));
  const auto errors = engine::runUndos(client, undos, observer);
  journal_.finish(op.id, "interrupted", "the server stopped while this operation ran",
                  errors.empty() ? "complete" : "incomplete");
  std::error_code ignored;
  fs::remove(cookieFile(op.id), ignored);
}

void OperationRunner::recoverInterrupted() {
  for (const auto& op : journal_.unfinished()) {
    journal_.log(op.id, "the server stopped while this operation ran; taking back its changes");
    if (journal_.pendingUndos(op.id).empty()) {
      journal_.finish(op.id, "interrupted", "the server stopped while this operation ran",
                      "complete");
      std::error_code ignored;
      fs::remove(cookieFile(op.id), ignored);
      continue;
    }
    std::ifstream in(cookieFile(op.id));
    std::string cookie((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
      if (cookie.empty()) throw NotAuthenticatedFault("", "", {}, "no session was kept");
      auto trust = op.thumbprint.empty() ? tls::Trust::systemRoots()
                                         : tls::Trust::pin(tls::Thumbprint::parse(op.thumbprint));
      vim::ClientOptions options;
      options.logoutOnDestroy = false;  // the session is the caller's, not ours to end
      vim::Client client(net::Endpoint::parse(op.target), trust, options);
      client.transport().setSessionCookie(Secret(cookie));
      if (!client.currentSession())
        throw NotAuthenticatedFault("", "", {}, "the kept session has ended");
      rollBack(op, client);
    } catch (const std::exception& e) {
      // Not now (vCenter down, or the session expired): when this user next
      // calls for this target, the rollback is taken up again.
      logger()->warn("operation {} stays to be rolled back: {}", op.id, e.what());
      journal_.log(op.id, std::string("rollback postponed until ") + op.principal + " uses " +
                              op.target + " again: " + e.what());
      journal_.finish(op.id, "interrupted", "the server stopped while this operation ran",
                      "pending");
    }
  }
}

void OperationRunner::resumePending(const std::string& target, const std::string& principal,
                                    const std::shared_ptr<vim::Client>& client) {
  std::vector<std::string> ids;
  for (const auto& op : journal_.byState("interrupted"))
    if (op.rollback == "pending" && op.target == target && op.principal == principal)
      ids.push_back(op.id);
  if (ids.empty()) return;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    for (const auto& id : ids)
      if (resuming_.insert(id).second) queue_.push_back({id, client, {}, "", true});
  }
  wake_.notify_all();
}

void OperationRunner::resume(const Job& job) {
  try {
    if (const auto op = journal_.get(job.id, false); op && op->rollback == "pending")
      rollBack(*op, *job.client);
  } catch (const std::exception& e) {
    logger()->warn("rollback of operation {} failed again: {}", job.id, e.what());
  }
  std::lock_guard lock(mutex_);
  resuming_.erase(job.id);
}

}  // namespace vic::server
