#include "vicapi/cli/vch_command_support.h"

#include <chrono>
#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/base/error.h"
#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/query.h"
#include "vicapi/engine/vch_logs.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/util/random_hex.h"
#include "vicapi/util/utc_time.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/finder.h"

namespace vic::cli {

void ConsoleObserver::keep(const std::string& line) {
  std::cerr << line << "\n";
  text_ += utcTimestamp(std::chrono::system_clock::now()) + " " + line + "\n";
}

void ConsoleObserver::stepStarted(std::size_t index, std::size_t total, const std::string&,
                                  const std::string& description) {
  keep("[" + std::to_string(index + 1) + "/" + std::to_string(total) + "] " + description);
}

void ConsoleObserver::undoStarted(const engine::Undo& undo) {
  keep("  rolling back: " + undo.kind);
}

void ConsoleObserver::log(const std::string& line) {
  keep("  " + line);
}

void keepLogWithVch(vim::Client& client, const std::string& vchId, const std::string& operation,
                    const ConsoleObserver& observer) {
  try {
    const auto vch = engine::loadVch(client, vchId);
    const auto now = std::chrono::system_clock::now();
    engine::writeVchLog(client, vch,
                        engine::vchLogName(now, operation, "vic-machine-" + randomHex(4)),
                        "=== " + operation + " by vic-machine " + version::current().str() + "\n" +
                            observer.text());
  } catch (const std::exception& e) {
    std::cerr << "warning: the log could not be written to the VCH's folder: " << e.what() << "\n";
  }
}

void addVchSelectorOptions(Poco::Util::OptionSet& o) {
  o.addOption(
      Poco::Util::Option("id", "", "the VCH's id (its endpoint VM, such as vm-42)").argument("id"));
  o.addOption(Poco::Util::Option("name", "n", "the VCH's name").argument("name"));
  o.addOption(
      Poco::Util::Option("compute-resource", "", "where to look for --name").argument("path"));
}

std::string selectVch(vim::Client& client, const Args& args) {
  if (args.has("id")) return args.get("id");
  if (!args.has("name")) throw UsageError("say which VCH: --id or --name");
  engine::ListScope scope;
  if (args.has("compute-resource"))
    scope.computeResource =
        vim::Finder(client).find(vim::Kind::Compute, args.get("compute-resource"), std::nullopt);
  std::vector<std::string> ids;
  for (const auto& v : engine::listVchs(client, scope, version::current()))
    if (v.name == args.get("name")) ids.push_back(v.id);
  if (ids.empty()) throw NotFoundError("no VCH is named \"" + args.get("name") + "\"");
  if (ids.size() > 1) {
    std::string list;
    for (const auto& id : ids)
      list += (list.empty() ? "" : ", ") + id;
    throw UsageError(std::to_string(ids.size()) + " VCHs are named \"" + args.get("name") + "\" (" +
                     list + "); give --id or --compute-resource");
  }
  return ids.front();
}

engine::ValidationOptions validationOptions(const Connection& c) {
  engine::ValidationOptions o;
  o.trust = c.trust;
  o.applianceVersion = engine::ApplianceImages::locate().version.str();
  if (!c.password.empty())
    o.fallbackOperations = engine::OperationsCredentials{c.user, c.password, false};
  return o;
}

std::string targetUrl(const Connection& c) {
  return "https://" + c.client->endpoint().hostPort() + "/sdk";
}

void failWithIssues(const engine::Issues& issues, const std::string& what) {
  for (const auto& i : issues.list())
    std::cerr << "  " << (i.path.empty() ? "(body)" : i.path) << ": " << i.message << "\n";
  throw UsageError(what + ": " + std::to_string(issues.size()) + " problem(s), listed above");
}

}  // namespace vic::cli
