#include "vicapi/util/log_format.h"

namespace vic {

namespace {

class EscapedMessage : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    std::string out;
    appendEscaped(out, std::string_view(msg.payload.data(), msg.payload.size()));
    dest.append(out.data(), out.data() + out.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<EscapedMessage>();
  }
};

}  // namespace

void appendEscaped(std::string& out, std::string_view text) {
  static const char* const kHex = "0123456789abcdef";
  out.reserve(out.size() + text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
}

std::unique_ptr<spdlog::formatter> textLogFormatter(const std::string& pattern,
                                                    spdlog::pattern_time_type time) {
  auto f = std::make_unique<spdlog::pattern_formatter>(time);
  f->add_flag<EscapedMessage>('E').set_pattern(pattern);
  return f;
}

}  // namespace vic
