// vic-machine update firewall --allow|--deny
#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/base/error.h"
#include "vicapi/cli/commands.h"
#include "vicapi/cli/target.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/vim/finder.h"

namespace vic::cli {

namespace {

void updateOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  o.addOption(
      Poco::Util::Option("compute-resource", "", "only the hosts of this cluster, host or pool")
          .argument("path"));
  o.addOption(Poco::Util::Option("allow", "", "let container VMs reach VCHs (outbound TCP 2377)"));
  o.addOption(Poco::Util::Option("deny", "", "close that rule again"));
}

int runUpdate(const Args& args) {
  if (args.positional() != std::vector<std::string>{"firewall"})
    throw UsageError("usage: vic-machine update firewall --allow|--deny");
  if (args.has("allow") == args.has("deny")) throw UsageError("give one of --allow or --deny");
  Connection c = connect(args);
  std::optional<vim::Moref> scope;
  if (args.has("compute-resource"))
    scope =
        vim::Finder(*c.client).find(vim::Kind::Compute, args.get("compute-resource"), std::nullopt);
  engine::setFirewall(*c.client, scope, args.has("allow"));
  for (const auto& h : engine::firewallStatus(*c.client, scope))
    std::cout << h.name << ": " << (h.allowsVch ? "allows" : "blocks") << " outbound TCP 2377\n";
  return kOk;
}

}  // namespace

Command updateCommand() {
  return {"update", "update firewall --allow|--deny: open the hosts' firewall for VCHs",
          &updateOptions, &runUpdate};
}

}  // namespace vic::cli
