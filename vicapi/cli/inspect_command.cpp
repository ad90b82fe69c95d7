// vic-machine inspect
#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/base/error.h"
#include "vicapi/cli/commands.h"
#include "vicapi/cli/vch_command_support.h"
#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/query.h"
#include "vicapi/engine/vch_logs.h"
#include "vicapi/engine/vch_record.h"

namespace vic::cli {

namespace {

void inspectOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  addVchSelectorOptions(o);
  o.addOption(Poco::Util::Option("json", "", "print the whole configuration as JSON"));
  o.addOption(Poco::Util::Option(
      "log", "", "print the logs of the VCH's operations, from its datastore folder"));
}

int runInspect(const Args& args) {
  args.expectNoPositional();
  Connection c = connect(args);
  const std::string id = selectVch(*c.client, args);
  if (args.has("log")) {
    auto text = engine::readVchLogs(*c.client, engine::loadVch(*c.client, id));
    if (!text) throw NotFoundError("no log file available in datastore folder of VCH " + id);
    std::cout << *text;
    return kOk;
  }
  auto vch = engine::inspectVch(*c.client, id, engine::ApplianceImages::locate().version);
  if (args.has("json")) {
    std::cout << engine::vchToJson(vch).dump(2) << "\n";
    return kOk;
  }
  std::cout << "VCH " << vch.name << " (id " << id << ")\n"
            << "  version:        " << vch.version << "\n"
            << "  upgrade status: " << vch.runtime.upgradeStatus << "\n"
            << "  power state:    " << vch.runtime.powerState << "\n"
            << "  Docker API:     "
            << (vch.runtime.dockerHost.empty() ? "(no address reported yet)"
                                               : vch.runtime.dockerHost)
            << "\n"
            << "  admin portal:   "
            << (vch.runtime.adminPortal.empty() ? "(no address reported yet)"
                                                : vch.runtime.adminPortal)
            << "\n";
  if (!vch.runtime.dockerHost.empty() && !vch.auth.noTls)
    std::cout << "  connect with:   docker -H " << vch.runtime.dockerHost
              << (vch.auth.noTlsVerify ? " --tls" : " --tlsverify") << " info\n";
  return kOk;
}

}  // namespace

Command inspectCommand() {
  return {"inspect", "show a VCH's configuration and how to reach it", &inspectOptions,
          &runInspect};
}

}  // namespace vic::cli
