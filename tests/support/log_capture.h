#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <spdlog/sinks/ostream_sink.h>

#include "vicapi/util/log.h"

namespace vic::test {

// Routes the project's logger into a string at the given level for the life
// of the object, then restores the previous sinks and level.
class LogCapture {
 public:
  explicit LogCapture(spdlog::level::level_enum level = spdlog::level::trace)
      : sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(out_)),
        previousSinks_(logger()->sinks()),
        previousLevel_(logger()->level()) {
    logger()->sinks() = {sink_};
    logger()->set_level(level);
  }
  ~LogCapture() {
    logger()->sinks() = previousSinks_;
    logger()->set_level(previousLevel_);
  }
  std::string text() const {
    logger()->flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
  std::vector<spdlog::sink_ptr> previousSinks_;
  spdlog::level::level_enum previousLevel_;
};

}  // namespace vic::test
