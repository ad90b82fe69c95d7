#include "plugin-server/config/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <nlohmann/json.hpp>

#include "vicapi/util/log.h"
#include "vicapi/util/log_format.h"

namespace vic::server {

namespace {

// %J: the message as a JSON string, quotes and control characters escaped,
// so that a path or an error text can never break the line's JSON.
class JsonMessage : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    const std::string quoted = nlohmann::json(std::string(msg.payload.data(), msg.payload.size()))
                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(quoted.data(), quoted.data() + quoted.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonMessage>();
  }
};

}  // namespace

void setUpLogging(const ServerConfig& config) {
  auto log = logger();
  log->sinks() = {std::make_shared<spdlog::sinks::stderr_sink_mt>()};
  log->set_level(spdlog::level::from_str(config.logLevel));
  if (config.logFormat == "json") {
    auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    formatter->add_flag<JsonMessage>('J').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","message":%J})");
    log->set_formatter(std::move(formatter));
  } else {
    log->set_formatter(
        textLogFormatter("%Y-%m-%dT%H:%M:%S.%eZ %l %E", spdlog::pattern_time_type::utc));
  }
}

}  // namespace vic::server
