// vic-machine version
#include <iostream>

#include "vicapi/cli/commands.h"
#include "vicapi/version/version.h"

namespace vic::cli {

namespace {

void versionOptions(Poco::Util::OptionSet&) {}

int runVersion(const Args& args) {
  args.expectNoPositional();
  std::cout << "vic-machine version " << version::current().str() << "\n";
  return kOk;
}

}  // namespace

Command versionCommand() {
  return {"version", "print the version of this vic-machine", &versionOptions, &runVersion};
}

}  // namespace vic::cli
