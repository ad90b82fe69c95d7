#pragma once

#include <memory>
#include <string>

#include <spdlog/pattern_formatter.h>

namespace vic {

// Appends `text` with control characters written as escapes (\n, \r, \t,
// \x1b ...) and backslashes doubled, so that nothing a caller sends (a path,
// a user name, an error a server made up) can start a line of its own in a
// log or drive a terminal.
void appendEscaped(std::string& out, std::string_view text);

// A formatter for text logs: the pattern's %E is the message, escaped.
std::unique_ptr<spdlog::formatter> textLogFormatter(const std::string& pattern,
                                                    spdlog::pattern_time_type time);

}  // namespace vic
