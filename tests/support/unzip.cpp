#include "tests/support/unzip.h"

#include <sstream>

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

namespace vic::test {

std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::Zip::ZipArchive archive(in);
  std::map<std::string, std::string> out;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    if (it->second.isDirectory()) continue;
    std::istringstream again(bytes);
    Poco::Zip::ZipInputStream entry(again, it->second);
    std::ostringstream content;
    content << entry.rdbuf();
    out[it->first] = content.str();
  }
  return out;
}

}  // namespace vic::test
