#pragma once

#include <filesystem>
#include <vector>

namespace vic {

// Where a file the build makes (ISOs, the plug-in package) may be, in order:
// the directory $envVar names, the build tree's (`builtIn`, empty when not
// known), and ../share/vic/<subdir> next to the running program, as an
// installation lays it out.
std::vector<std::filesystem::path> dataDirCandidates(const char* envVar, const char* builtIn,
                                                     const char* subdir);

}  // namespace vic
