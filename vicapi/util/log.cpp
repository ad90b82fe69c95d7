#include "vicapi/util/log.h"

#include <cstdlib>

#include <spdlog/sinks/stdout_color_sinks.h>

#include "vicapi/util/log_format.h"

namespace vic {

std::shared_ptr<spdlog::logger> logger() {
  static std::shared_ptr<spdlog::logger> instance = [] {
    if (auto existing = spdlog::get("vic")) return existing;
    auto l = spdlog::stderr_color_mt("vic");
    // VIC_LOG_LEVEL (trace, debug, info, warn, error) helps when a test hangs.
    const char* env = std::getenv("VIC_LOG_LEVEL");
    l->set_level(env ? spdlog::level::from_str(env) : spdlog::level::warn);
    l->set_formatter(textLogFormatter("[%Y-%m-%d %H:%M:%S.%e] [%n] [%^%l%$] %E",
                                      spdlog::pattern_time_type::local));
    return l;
  }();
  return instance;
}

}  // namespace vic
