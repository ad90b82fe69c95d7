// vic-machine upgrade
#include <iostream>

#include "vicapi/cli/commands.h"
#include "vicapi/cli/vch_command_support.h"
#include "vicapi/engine/upgrade.h"

namespace vic::cli {

namespace {

void upgradeOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  addVchSelectorOptions(o);
}

int runUpgrade(const Args& args) {
  args.expectNoPositional();
  Connection c = connect(args);
  const std::string id = selectVch(*c.client, args);
  engine::UpgradeOptions options;
  options.images = engine::ApplianceImages::locate();
  ConsoleObserver observer;
  engine::upgradeVch(*c.client, id, options, observer);
  keepLogWithVch(*c.client, id, "upgrade", observer);
  std::cout << "VCH " << id << " upgraded to " << options.images.version.str() << "\n";
  return kOk;
}

}  // namespace

Command upgradeCommand() {
  return {"upgrade", "upgrade a VCH to this vic-machine's version", &upgradeOptions, &runUpgrade};
}

}  // namespace vic::cli
