#pragma once

#include <map>
#include <string>

namespace vic::test {

// Entry name -> content of a zip held in memory (directories left out).
std::map<std::string, std::string> unzip(const std::string& bytes);

}  // namespace vic::test
