// vic-machine delete
#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/base/error.h"
#include "vicapi/cli/commands.h"
#include "vicapi/cli/vch_command_support.h"
#include "vicapi/engine/delete.h"

namespace vic::cli {

namespace {

void deleteOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  addVchSelectorOptions(o);
  o.addOption(Poco::Util::Option("force", "f", "delete running containers too"));
  o.addOption(Poco::Util::Option("volume-stores", "",
                                 "all: delete the volume stores too; none (default): keep them")
                  .argument("all|none"));
  o.addOption(Poco::Util::Option("keep-other-vms", "",
                                 "delete the VCH although its resource pool holds VMs that are "
                                 "not its containers (they stay, and so does the pool)"));
}

int runDelete(const Args& args) {
  args.expectNoPositional();
  engine::DeleteSpec spec;
  spec.allContainers = args.has("force");
  const std::string stores = args.get("volume-stores", "none");
  if (stores != "all" && stores != "none") throw UsageError("--volume-stores must be all or none");
  spec.allVolumeStores = stores == "all";
  spec.keepOtherVms = args.has("keep-other-vms");
  Connection c = connect(args);
  const std::string id = selectVch(*c.client, args);
  ConsoleObserver observer;
  engine::deleteVch(*c.client, id, spec, observer);
  std::cout << "VCH " << id << " deleted\n";
  return kOk;
}

}  // namespace

Command deleteCommand() {
  return {"delete", "delete a VCH and what was made for it", &deleteOptions, &runDelete};
}

}  // namespace vic::cli
