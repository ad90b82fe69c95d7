#pragma once

#include <map>
#include <string>
#include <vector>

#include <Poco/Util/OptionSet.h>

namespace vic::cli {

// Parsed command-line flags of one subcommand. Flags follow the original
// vic-machine: "--name value" or "--name=value"; repeatable flags collect.
class Args {
 public:
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = {}) const;
  const std::vector<std::string>& all(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }
  // For commands that take no words besides flags: throws UsageError.
  void expectNoPositional() const;

  // Throws UsageError naming the bad flag.
  static Args parse(const Poco::Util::OptionSet& options, const std::vector<std::string>& argv);

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// A subcommand: its flags, one line of help, and what it does. run() returns
// the process exit code.
struct Command {
  std::string name;
  std::string summary;
  void (*defineOptions)(Poco::Util::OptionSet&);
  int (*run)(const Args&);
};

enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2 };

}  // namespace vic::cli
