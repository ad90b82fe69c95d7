#include "vicapi/cli/args.h"

#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>

#include "vicapi/base/error.h"

namespace vic::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string>& Args::all(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = values_.find(name);
  return it == values_.end() ? none : it->second;
}

void Args::expectNoPositional() const {
  if (!positional_.empty()) throw UsageError("unexpected argument \"" + positional_.front() + "\"");
}

Args Args::parse(const Poco::Util::OptionSet& options, const std::vector<std::string>& argv) {
  Args out;
  Poco::Util::OptionProcessor processor(options);
  processor.setUnixStyle(true);
  try {
    for (const auto& arg : argv) {
      std::string name, value;
      if (processor.process(arg, name, value)) {
        if (!name.empty()) out.values_[name].push_back(value);
      } else {
        out.positional_.push_back(arg);
      }
    }
    processor.checkRequired();
  } catch (const Poco::Util::OptionException& e) {
    throw UsageError(e.displayText());
  }
  return out;
}

}  // namespace vic::cli
