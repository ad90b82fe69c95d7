#pragma once

#include <cstdio>
#include <string>

namespace vic::bench {

// A figure a benchmark measured, on a line of its own that tests/bench/run
// gathers into one table: "figure", what, value, unit and the goal, if any,
// separated by tabs. The benchmark's own prose says the same for a reader.
inline void figure(const std::string& what, double value, const std::string& unit,
                   const std::string& goal = "") {
  std::printf("figure\t%s\t%.3f\t%s\t%s\n", what.c_str(), value, unit.c_str(), goal.c_str());
}

}  // namespace vic::bench
