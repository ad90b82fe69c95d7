// vic-machine: the command line of the VIC engine.
#include <iostream>
#include <sstream>
#include <vector>

#include <Poco/Util/HelpFormatter.h>

#include "vicapi/base/error.h"
#include "vicapi/cli/commands.h"

namespace {

using vic::cli::Command;

const std::vector<Command>& commands() {
  static const std::vector<Command> all{vic::cli::createCommand(),     vic::cli::lsCommand(),
                                        vic::cli::inspectCommand(),    vic::cli::configureCommand(),
                                        vic::cli::upgradeCommand(),    vic::cli::deleteCommand(),
                                        vic::cli::updateCommand(),     vic::cli::inventoryCommand(),
                                        vic::cli::thumbprintCommand(), vic::cli::versionCommand()};
  return all;
}

void usage(std::ostream& out) {
  out << "Usage: vic-machine COMMAND [flags]\n\nCommands:\n";
  for (const auto& c : commands())
    out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << "\n";
  out << "\nRun \"vic-machine COMMAND --help\" for the flags of a command.\n";
}

void commandHelp(const Command& c, const Poco::Util::OptionSet& options) {
  Poco::Util::HelpFormatter help(options);
  help.setCommand("vic-machine " + c.name);
  help.setUsage("[flags]");
  help.setHeader(c.summary);
  help.setUnixStyle(true);
  help.format(std::cout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
    usage(argc < 2 ? std::cerr : std::cout);
    return argc < 2 ? vic::cli::kUsage : vic::cli::kOk;
  }
  const std::string name = argv[1];
  for (const auto& c : commands()) {
    if (c.name != name) continue;
    Poco::Util::OptionSet options;
    c.defineOptions(options);
    options.addOption(Poco::Util::Option("help", "h", "show the flags of this command"));
    std::vector<std::string> rest(argv + 2, argv + argc);
    try {
      auto args = vic::cli::Args::parse(options, rest);
      if (args.has("help")) {
        commandHelp(c, options);
        return vic::cli::kOk;
      }
      return c.run(args);
    } catch (const vic::UsageError& e) {
      std::cerr << "vic-machine " << name << ": " << e.what() << "\n";
      return vic::cli::kUsage;
    } catch (const std::exception& e) {
      std::cerr << "vic-machine " << name << ": " << e.what() << "\n";
      return vic::cli::kFailed;
    }
  }
  std::cerr << "vic-machine: unknown command \"" << name << "\"\n\n";
  usage(std::cerr);
  return vic::cli::kUsage;
}
