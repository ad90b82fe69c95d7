#pragma once

#include <string>

#include "vicapi/cli/args.h"
#include "vicapi/cli/target.h"
#include "vicapi/engine/model/issues.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/engine/validate/validator.h"

namespace vic::cli {

// Prints each step and log line of an operation as it happens, and keeps
// them for the log written to the VCH's folder.
class ConsoleObserver : public engine::PlanObserver {
 public:
  void stepStarted(std::size_t index, std::size_t total, const std::string&,
                   const std::string& description) override;
  void undoStarted(const engine::Undo& undo) override;
  void log(const std::string& line) override;
  const std::string& text() const { return text_; }

 private:
  void keep(const std::string& line);
  std::string text_;
};

// Writes what `observer` printed as the operation's log in the VCH's
// datastore folder, where the appliances read it too. A failure to write
// is a warning: the operation itself is done.
void keepLogWithVch(vim::Client& client, const std::string& vchId, const std::string& operation,
                    const ConsoleObserver& observer);

// --id or --name (with --compute-resource to narrow it) to the VCH's id.
void addVchSelectorOptions(Poco::Util::OptionSet& options);
std::string selectVch(vim::Client& client, const Args& args);

// The target's credentials as the default operations user, the target's
// trust for the test login, this build's version.
engine::ValidationOptions validationOptions(const Connection& c);
std::string targetUrl(const Connection& c);

// "path: message" lines, then a usage error.
[[noreturn]] void failWithIssues(const engine::Issues& issues, const std::string& what);

}  // namespace vic::cli
