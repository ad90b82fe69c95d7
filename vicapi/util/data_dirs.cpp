#include "vicapi/util/data_dirs.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace vic {

std::vector<std::filesystem::path> dataDirCandidates(const char* envVar, const char* builtIn,
                                                     const char* subdir) {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv(envVar); env && *env) candidates.emplace_back(env);
  if (builtIn && *builtIn) candidates.emplace_back(builtIn);
  char self[4096];
  if (ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1); n > 0)
    candidates.push_back(
        std::filesystem::path(std::string(self, static_cast<std::size_t>(n))).parent_path() / ".." /
        "share" / "vic" / subdir);
  return candidates;
}

}  // namespace vic
