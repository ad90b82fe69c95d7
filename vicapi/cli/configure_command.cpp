// vic-machine configure
#include <iostream>

#include "vicapi/cli/commands.h"
#include "vicapi/cli/vch_command_support.h"
#include "vicapi/cli/vch_flags.h"
#include "vicapi/engine/configure.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/model/vch_json.h"

namespace vic::cli {

namespace {

void configureOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  addVchSelectorOptions(o);
  addConfigureFlags(o);
}

int runConfigure(const Args& args) {
  args.expectNoPositional();
  Connection c = connect(args);
  const std::string id = selectVch(*c.client, args);
  // The flags change the current configuration, like a merge-patch.
  nlohmann::json body = engine::vchToJson(engine::currentModel(*c.client, id), false);
  applyFlags(args, body);
  engine::Issues schema;
  auto desired = engine::vchFromJson(body, schema);
  if (!schema.empty()) failWithIssues(schema, "the flags do not describe a VCH");
  engine::ConfigureOptions options;
  options.validation = validationOptions(c);
  options.validation.fallbackOperations.reset();  // keep the VCH's own operations user unless given
  ConsoleObserver observer;
  try {
    auto result = engine::configureVch(*c.client, id, desired, options, observer);
    if (result.changed.empty()) {
      std::cout << "Nothing to change.\n";
    } else {
      keepLogWithVch(*c.client, id, "configure", observer);
      std::cout << "VCH " << id << " configured; changed:";
      for (const auto& p : result.changed)
        std::cout << " " << p;
      std::cout << "\n";
    }
  } catch (const engine::InvalidSpecification& e) {
    failWithIssues(e.issues(), "the VCH cannot be configured as asked");
  }
  return kOk;
}

}  // namespace

Command configureCommand() {
  return {"configure",
          "change limits, DNS, registries, proxies, operations user, debug, syslog or certificates",
          &configureOptions, &runConfigure};
}

}  // namespace vic::cli
