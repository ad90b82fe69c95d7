#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "plugin-server/store/database.h"
#include "vicapi/engine/plan/plan.h"

namespace vic::server {

// One operation (create, reconfigure, upgrade, delete, debug) as the journal
// keeps it. Nothing secret is ever stored here.
struct OperationRecord {
  std::string id;
  std::string kind;
  std::string target;      // host[:port]
  std::string thumbprint;  // how the target was trusted (public data)
  std::string datacenter;  // moref value, or empty
  std::string principal;   // the vSphere user it ran as
  std::string vchId;
  std::string vchName;
  std::string state;            // queued, running, succeeded, failed, interrupted
  std::string step;             // the step's id, such as "endpoint_vm"
  std::string stepDescription;  // what it does, for people: "Create the endpoint VM vch-1"
  int stepIndex = 0;
  int stepsTotal = 0;
  std::string error;
  std::string rollback;  // "", complete, incomplete, pending
  nlohmann::json result;
  std::string created, updated, finished;
  std::vector<std::string> log;
};

// The operation journal in SQLite: what each operation is doing, the undo of
// every change it made (so a restarted server can take them back), and its
// log, which is also what a VCH's /log returns later.
class Journal {
 public:
  // Brings a journal written by an earlier build to this build's format
  // (and refuses one from a later build) before anything reads it.
  explicit Journal(Database& db);
  static int version(Database& db);  // the format the database holds
  static int currentVersion();       // the format this build writes

  std::string begin(const OperationRecord& op);
  void setVch(const std::string& id, const std::string& vchId, const std::string& vchName);
  void running(const std::string& id);
  void stepStarted(const std::string& id, int index, int total, const std::string& step,
                   const std::string& description);
  int addUndo(const std::string& id, const engine::Undo& undo);  // returns its sequence number
  void undoDone(const std::string& id, int seq);
  void log(const std::string& id, const std::string& line);
  void finish(const std::string& id, const std::string& state, const std::string& error,
              const std::string& rollback, const nlohmann::json& result = nullptr);

  std::optional<OperationRecord> get(const std::string& id, bool withLog = true);
  std::vector<OperationRecord> unfinished();
  std::vector<OperationRecord> byState(const std::string& state);
  // Undos not yet run, in the order they were recorded.
  std::vector<std::pair<int, engine::Undo>> pendingUndos(const std::string& id);
  // Every operation's log for a VCH (or only those in `state`), oldest first,
  // with a header per operation.
  std::string vchLog(const std::string& vchId, const std::string& state = "");
  // VCH id -> id of the create that made it, for the creates `principal` ran
  // on `target` that succeeded.
  std::map<std::string, std::string> createdBy(const std::string& principal,
                                               const std::string& target);
  // One operation's log, with its header; `outcome` is the state the header
  // shows, for a log written just before the operation is marked finished.
  std::string operationLog(const std::string& id, const std::string& outcome = "");

 private:
  Database& db_;
};

}  // namespace vic::server
