// vic-machine ls
#include <iomanip>
#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/cli/commands.h"
#include "vicapi/cli/target.h"
#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/query.h"
#include "vicapi/vim/finder.h"

namespace vic::cli {

namespace {

void lsOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  o.addOption(
      Poco::Util::Option("compute-resource", "", "list only the VCHs under it").argument("path"));
  o.addOption(Poco::Util::Option("json", "", "print JSON"));
}

int runLs(const Args& args) {
  args.expectNoPositional();
  Connection c = connect(args);
  engine::ListScope scope;
  if (args.has("compute-resource"))
    scope.computeResource =
        vim::Finder(*c.client).find(vim::Kind::Compute, args.get("compute-resource"), std::nullopt);
  const auto version = engine::ApplianceImages::locate().version;
  auto vchs = engine::listVchs(*c.client, scope, version);
  if (args.has("json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : vchs)
      out.push_back({{"id", v.id},
                     {"name", v.name},
                     {"parent", {{"id", v.parent.id}, {"name", v.parent.name}}},
                     {"version", v.version},
                     {"power_state", v.powerState},
                     {"upgrade_status", v.upgradeStatus},
                     {"docker_host", v.dockerHost},
                     {"admin_portal", v.adminPortal}});
    std::cout << out.dump(2) << "\n";
    return kOk;
  }
  std::cout << std::left << std::setw(12) << "ID" << std::setw(24) << "PARENT" << std::setw(28)
            << "NAME" << std::setw(22) << "VERSION"
            << "UPGRADE STATUS\n";
  for (const auto& v : vchs)
    std::cout << std::left << std::setw(12) << v.id << std::setw(24) << v.parent.name
              << std::setw(28) << v.name << std::setw(22) << v.version << v.upgradeStatus << "\n";
  return kOk;
}

}  // namespace

Command lsCommand() {
  return {"ls", "list the Virtual Container Hosts of the target", &lsOptions, &runLs};
}

}  // namespace vic::cli
